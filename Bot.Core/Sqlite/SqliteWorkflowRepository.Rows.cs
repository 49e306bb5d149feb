using Bot.Core.Workflow;

namespace Bot.Core.Sqlite;

/// <summary>The waits as read back: stored times are text, parsed as the rest of the storage does.</summary>
internal sealed partial class SqliteWorkflowRepository
{
    private sealed class AnsweredRow
    {
        public long ConversationId { get; set; }

        public string WaitingSince { get; set; } = "";

        public string AnsweredAt { get; set; } = "";

        public string? AnsweredBy { get; set; }

        public AnsweredWait ToWait() =>
            new(ConversationId, SqliteTypeHandlers.Parse(WaitingSince), SqliteTypeHandlers.Parse(AnsweredAt), AnsweredBy);
    }

    private sealed class OpenRow
    {
        public long ConversationId { get; set; }

        public long FirstMessageId { get; set; }

        public string WaitingSince { get; set; } = "";

        public string Account { get; set; } = "";

        public string ExternalId { get; set; } = "";

        public string? BuyerName { get; set; }

        public long? ChatId { get; set; }

        public long? TopicId { get; set; }

        public string? RemindedAt { get; set; }

        public long? ClaimedById { get; set; }

        public string? ClaimedBy { get; set; }

        public OpenWait ToWait() => new(
            ConversationId, FirstMessageId, SqliteTypeHandlers.Parse(WaitingSince), Account, ExternalId, BuyerName, ChatId,
            TopicId is { } topic ? (int)topic : null, RemindedAt is null ? null : SqliteTypeHandlers.Parse(RemindedAt), ClaimedById, ClaimedBy);
    }
}
