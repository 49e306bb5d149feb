using Bot.Core.Conversations;

namespace Bot.Core.Export;

/// <summary>A conversation's whole record for a dispute: its order facts and every message in order.</summary>
/// <param name="Zone">The store's time zone: every time is shown in UTC and in this zone.</param>
public sealed record Transcript(Conversation Conversation, IReadOnlyList<TranscriptEntry> Entries, DateTimeOffset ExportedAt, TimeZoneInfo Zone)
{
    /// <summary>The order number (or chat id) the export is about.</summary>
    public string Subject => Conversation.Card?.OrderId ?? Conversation.ExternalId;

    /// <summary>A file name made of safe characters only: "order-8123-transcript".</summary>
    public string FileStem
    {
        get
        {
            var safe = new string(Subject.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
            return $"{(Conversation.Kind == ConversationKind.Order ? "order" : "chat")}-{safe}-transcript";
        }
    }

    public string Title => Conversation.Kind == ConversationKind.Order ? $"Order {Subject}" : $"Pre-order chat {Subject}";
}
