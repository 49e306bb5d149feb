using System.Text.Json;
using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.Feedback;

/// <summary>Enqueues the bridge's own messages to a chat (replies to commands, notes), so they are durable and
/// scheduled within the chat's budget like everything else.</summary>
public sealed class Notices(IOutboxRepository outbox)
{
    public Task<long> EnqueueAsync(DbSession session, NoticePayload notice, long? conversationId = null) =>
        outbox.EnqueueAsync(session, new OutboxEntry(
            OutboxKinds.Notice, OutboxKinds.ChatLane(notice.ChatId), conversationId, null,
            notice.Html.Length > 0 ? notice.ChatId : null, JsonSerializer.Serialize(notice)));
}
