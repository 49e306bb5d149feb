using Bot.Core.Storage;

namespace Bot.Core.Workflow;

/// <summary>Waits, reminders, claims and digests.</summary>
public interface IWorkflowRepository
{
    /// <summary>Records every wait that began in messages stored since the last call (a buyer message with no buyer
    /// message before it since the last staff or seller message).</summary>
    Task OpenNewWaitsAsync(DbSession session);

    /// <summary>Ends the waits that got an answer since, and returns them.</summary>
    Task<IReadOnlyList<AnsweredWait>> CloseAnsweredWaitsAsync(DbSession session);

    /// <summary>Every buyer still waiting, longest first.</summary>
    Task<IReadOnlyList<OpenWait>> ListOpenWaitsAsync(DbSession session);

    /// <summary>Marks the wait reminded; false when it already was (a reminder is sent once per wait).</summary>
    Task<bool> MarkRemindedAsync(DbSession session, long conversationId, long firstMessageId, DateTimeOffset at);

    /// <summary>Waits answered from <paramref name="since"/> on.</summary>
    Task<IReadOnlyList<AnsweredWait>> ListAnsweredAsync(DbSession session, DateTimeOffset since);

    /// <summary>Records the digest of a local day; false when that day's was already sent.</summary>
    Task<bool> MarkDigestAsync(DbSession session, DateOnly day, DateTimeOffset at);

    /// <summary>Whether the conversation got its automatic acknowledgment for the off-hours period ending then.</summary>
    Task<bool> HasAcknowledgmentAsync(DbSession session, long conversationId, DateTimeOffset periodEnd);

    /// <summary>Records an automatic acknowledgment (its message is then not counted as an answer).</summary>
    Task AddAcknowledgmentAsync(DbSession session, long conversationId, DateTimeOffset periodEnd, long messageId, DateTimeOffset at);

    /// <summary>Conversations whose order or chat id is <paramref name="query"/>, or whose buyer name or messages contain
    /// it (case-insensitive for Latin letters), most recently active first.</summary>
    Task<IReadOnlyList<FoundConversation>> FindAsync(DbSession session, string query, int limit);

    /// <summary>The last of the next <paramref name="count"/> conversations with a staff topic after conversation
    /// <paramref name="after"/> (in id order); null when there is none after it.</summary>
    Task<long?> StaffTopicsWindowEndAsync(DbSession session, long after, int count);

    /// <summary>Conversations after <paramref name="after"/> up to <paramref name="upTo"/> (ids) with an open staff
    /// topic, nobody waiting and no message since <paramref name="before"/>, in id order.</summary>
    Task<IReadOnlyList<ClosedTopic>> ListQuietAsync(DbSession session, DateTimeOffset before, long after, long upTo, int limit);

    Task MarkClosedAsync(DbSession session, ClosedTopic topic, DateTimeOffset at);

    /// <summary>Closed topics whose conversation got a message since they were closed: of all closed topics when
    /// <paramref name="sinceMessageId"/> is null, otherwise only among the conversations of messages after it.</summary>
    Task<IReadOnlyList<ClosedTopic>> ListReopenedAsync(DbSession session, long? sinceMessageId);

    /// <summary>The id of the latest stored message (0 when there is none).</summary>
    Task<long> LatestMessageIdAsync(DbSession session);

    Task RemoveClosedAsync(DbSession session, long conversationId);

    /// <summary>Deletes up to <paramref name="limit"/> waits answered before <paramref name="before"/>.</summary>
    Task<int> PruneAnsweredAsync(DbSession session, DateTimeOffset before, int limit);

    Task<Claim?> GetClaimAsync(DbSession session, long conversationId);

    Task SetClaimAsync(DbSession session, Claim claim);

    /// <summary>Removes the claim; false when there was none.</summary>
    Task<bool> RemoveClaimAsync(DbSession session, long conversationId);
}
