using System.Text;
using Bot.Core.Formatting;

namespace Bot.Core.Export;

/// <summary>The export as one self-contained HTML page that prints cleanly (A4, a table whose header repeats on every
/// page, no row cut in two). Original and translation side by side; every text's direction follows its script.</summary>
public sealed class TranscriptHtml : ITranscriptFormat
{
    public string Extension => "html";

    public string MediaType => "text/html; charset=utf-8";

    public int Order => 0;

    public byte[] Render(Transcript transcript) => Encoding.UTF8.GetBytes(Page(transcript));

    public static string Page(Transcript transcript)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(Html.Escape(transcript.Title)).Append(" · transcript</title><style>").Append(TranscriptStyle.Css).Append("</style></head><body>\n")
            .Append("<h1>").Append(Html.Escape(transcript.Title)).Append(" · conversation transcript</h1>\n<dl class=\"facts\">");
        foreach (var (label, value, url) in TranscriptFacts.Of(transcript))
        {
            html.Append("<dt>").Append(Html.Escape(label)).Append("</dt><dd>").Append(Html.Link(url, value)).Append("</dd>");
        }

        html.Append("</dl>\n<table><thead><tr><th class=\"when\">Time</th><th class=\"who\">Author · channel</th><th>Original</th><th>Translation / as sent</th></tr></thead><tbody>\n");
        foreach (var entry in transcript.Entries)
        {
            Row(html, entry, transcript.Zone);
        }

        if (transcript.Entries.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\">No messages are stored for this conversation.</td></tr>");
        }

        return html.Append("</tbody></table>\n<p class=\"foot\">Times are when the bridge received or stored each message. ")
            .Append("Rows marked “not delivered” never reached the marketplace's record.</p>\n</body></html>\n").ToString();
    }

    private static void Row(StringBuilder html, TranscriptEntry entry, TimeZoneInfo zone)
    {
        var state = entry.Delivery switch
        {
            DeliveryState.NotDelivered => " class=\"failed\"",
            DeliveryState.Pending or DeliveryState.Unknown => " class=\"pending\"",
            _ => "",
        };
        html.Append("<tr").Append(state).Append(" id=\"m").Append(entry.Id).Append("\"><td class=\"when\">").Append(TranscriptTimes.Utc(entry.At))
            .Append("<br><span class=\"zone\">").Append(Html.Escape(TranscriptTimes.Local(entry.At, zone))).Append("</span></td>")
            .Append("<td class=\"who\"><b>").Append(Html.Escape(entry.Author)).Append("</b><br>").Append(Html.Escape(entry.Channel));
        if (TranscriptFacts.DeliveryLabel(entry) is { } delivery)
        {
            html.Append("<div class=\"delivery\">").Append(entry.Delivery == DeliveryState.Delivered ? "✓ " : "⚠ ").Append(Html.Escape(delivery)).Append("</div>");
        }

        if (entry.InReplyTo is { } reply)
        {
            html.Append("<div class=\"reply\">↩ <a href=\"#m").Append(reply.MessageId).Append("\">").Append(Html.Escape(reply.Label)).Append("</a></div>");
        }

        html.Append("</td><td class=\"text\">").Append(Language(entry.OriginalLanguage)).Append("<div dir=\"auto\">").Append(Html.Escape(entry.Original)).Append("</div>");
        foreach (var image in entry.Images)
        {
            html.Append("<a class=\"photo\" href=\"").Append(Html.Escape(image)).Append("\"><img src=\"").Append(Html.Escape(image))
                .Append("\" alt=\"photo\"><span>").Append(Html.Escape(image)).Append("</span></a>");
        }

        foreach (var note in entry.Notes)
        {
            html.Append("<div class=\"note\">").Append(Html.Escape(note)).Append("</div>");
        }

        html.Append("</td><td class=\"text\">");
        if (entry.Translation is { } translation)
        {
            html.Append(Language(entry.TranslationLanguage)).Append("<div dir=\"auto\">").Append(Html.Escape(translation)).Append("</div>");
        }

        if (entry.TranslationNote is { } why)
        {
            html.Append("<div class=\"note\">").Append(Html.Escape(why)).Append("</div>");
        }

        html.Append("</td></tr>\n");
    }

    private static string Language(string? language) => language is null ? "" : $"<span class=\"lang\">{Html.Escape(language)}</span>";
}
