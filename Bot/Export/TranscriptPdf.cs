using Bot.Core.Export;
using SkiaSharp;

namespace Bot.Export;

/// <summary>The export as a PDF: the order's facts, then each message with its times, author, channel and delivery, the
/// original and the translation side by side. Text stays text (selectable, searchable, readable back).</summary>
internal sealed class TranscriptPdf(Func<PdfFonts> fonts) : ITranscriptFormat
{
    /// <summary>With fonts already loaded.</summary>
    public TranscriptPdf(PdfFonts fonts)
        : this(() => fonts)
    {
    }

    private const float Size = 9f;
    private const float Gap = 12f;
    private const float Column = (PdfPages.Content - Gap) / 2;

    // Properties, not static fields: a static field of a SkiaSharp struct would load SkiaSharp with this class, at
    // start, although no PDF may ever be drawn.
    private static SKColor Ink => new(0x11, 0x11, 0x11);

    private static SKColor Muted => new(0x55, 0x55, 0x55);

    private static SKColor Alarm => new(0xAA, 0x00, 0x00);

    public string Extension => "pdf";

    public string MediaType => "application/pdf";

    public int Order => 1;

    public byte[] Render(Transcript transcript)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata { Title = $"{transcript.Title} · conversation transcript", Creator = "Marketplace bridge", RasterDpi = 150 };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var text = new PdfText(fonts()))
        {
            using (var pages = new PdfPages(document, text, $"{transcript.Title} · transcript"))
            {
                pages.Need(0);
                foreach (var line in text.Wrap($"{transcript.Title} · conversation transcript", PdfPages.Content, 15f))
                {
                    pages.Line(line, PdfPages.Margin, PdfPages.Content, 15f, Ink, bold: true);
                }

                foreach (var (label, value, url) in TranscriptFacts.Of(transcript))
                {
                    foreach (var line in text.Wrap($"{label}: {value}{(url is null || url == value ? "" : $" ({url})")}", PdfPages.Content, Size))
                    {
                        pages.Line(line, PdfPages.Margin, PdfPages.Content, Size, Ink);
                    }
                }

                pages.Y += 8;
                foreach (var entry in transcript.Entries)
                {
                    Entry(pages, text, entry, transcript.Zone);
                }
            }

            document.Close();
        }

        return stream.ToArray();
    }

    private static void Entry(PdfPages pages, PdfText text, TranscriptEntry entry, TimeZoneInfo zone)
    {
        var head = text.Wrap($"{TranscriptTimes.Utc(entry.At)} · {TranscriptTimes.Local(entry.At, zone)}", PdfPages.Content, Size - 1);
        var who = text.Wrap($"{entry.Author} · {entry.Channel}{(entry.InReplyTo is { } reply ? " · " + reply.Label : "")}", PdfPages.Content, Size);
        var delivery = TranscriptFacts.DeliveryLabel(entry) is { } label ? text.Wrap(label, PdfPages.Content, Size) : [];
        var left = text.Wrap(Labelled(entry.OriginalLanguage, entry.Original), Column, Size).ToList();
        left.AddRange(entry.Images.SelectMany(image => text.Wrap("Photo: " + image, Column, Size - 1)));
        left.AddRange(entry.Notes.SelectMany(note => text.Wrap(note, Column, Size - 1)));
        var right = entry.Translation is { } translation ? text.Wrap(Labelled(entry.TranslationLanguage, translation), Column, Size).ToList() : [];
        right.AddRange(entry.TranslationNote is { } why ? text.Wrap(why, Column, Size - 1) : []);

        var line = Size * 1.4f;
        pages.Need(((head.Count + who.Count + delivery.Count + Math.Min(3, Math.Max(left.Count, right.Count))) * line) + 8);
        pages.Y += 4;
        pages.Rule(Muted);
        pages.Y += 4;
        if (entry.Delivery == DeliveryState.NotDelivered)
        {
            pages.Fill((head.Count + who.Count + delivery.Count) * line, new SKColor(0xFD, 0xE8, 0xE8));
        }

        head.ToList().ForEach(l => pages.Line(l, PdfPages.Margin, PdfPages.Content, Size - 1, Muted));
        who.ToList().ForEach(l => pages.Line(l, PdfPages.Margin, PdfPages.Content, Size, Ink, bold: true));
        delivery.ToList().ForEach(l => pages.Line(l, PdfPages.Margin, PdfPages.Content, Size, entry.Delivery == DeliveryState.Delivered ? Muted : Alarm, bold: entry.Delivery == DeliveryState.NotDelivered));
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            pages.Need(line);
            var y = pages.Y;
            if (i < left.Count)
            {
                pages.Line(left[i], PdfPages.Margin, Column, Size, Ink);
            }

            pages.Y = y;
            if (i < right.Count)
            {
                pages.Line(right[i], PdfPages.Margin + Column + Gap, Column, Size, Ink);
            }

            pages.Y = y + line;
        }
    }

    /// <summary>The language on a line of its own, so that a right-to-left text's first line starts with its own script.</summary>
    private static string Labelled(string? language, string text) => language is null ? text : $"[{language}]\n{text}";
}
