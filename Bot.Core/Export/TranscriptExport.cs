using Bot.Core.Chat;
using Bot.Core.Formatting;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Export;

/// <summary>Renders a transcript in every registered format and posts the files into a chat (a staff topic, or the
/// operator chat).</summary>
public sealed partial class TranscriptExport(IEnumerable<ITranscriptFormat> formats, IChatGateway chat, ILogger<TranscriptExport> logger)
{
    private readonly IReadOnlyList<ITranscriptFormat> ordered = formats.OrderBy(f => f.Order).ToList();

    /// <summary>The formats, HTML first.</summary>
    public IReadOnlyList<ITranscriptFormat> Formats => ordered;

    public ITranscriptFormat? Format(string extension) => ordered.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>Posts one document per format; the first carries the caption.</summary>
    public async Task SendAsync(Transcript transcript, long chatId, int? topicId, int? replyTo, CancellationToken cancellationToken)
    {
        var caption = $"📄 <b>{Html.Escape(transcript.Title)}</b>: transcript of {transcript.Entries.Count} message{(transcript.Entries.Count == 1 ? "" : "s")}"
            + (transcript.Entries.Any(e => e.Delivery == DeliveryState.NotDelivered) ? " (some did not reach the marketplace: marked)" : "");
        var first = true;
        foreach (var format in ordered)
        {
            var bytes = format.Render(transcript);
            await chat.SendDocumentAsync(
                new ChatDocument(chatId, topicId, bytes, $"{transcript.FileStem}.{format.Extension}", first ? caption : null, first ? replyTo : null),
                cancellationToken);
            LogSent(format.Extension, transcript.Conversation.Id, bytes.Length);
            first = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transcript ({Format}) of conversation {ConversationId} posted: {Bytes} bytes")]
    private partial void LogSent(string format, long conversationId, int bytes);
}
