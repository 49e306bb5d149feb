using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Export;

/// <summary>Loads a conversation's record and makes it a <see cref="Transcript"/>.</summary>
public sealed class TranscriptReader(
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    ITranscriptRepository transcripts,
    IOptions<StaffChatOptions> staffChat,
    IOptions<ExportOptions> options,
    TimeProvider time)
{
    /// <summary>The transcript of the conversation, or null when there is no such conversation.</summary>
    public async Task<Transcript?> ReadAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        if (await conversations.GetAsync(session, conversationId) is not { } conversation)
        {
            return null;
        }

        var messages = await transcripts.GetMessagesAsync(session, conversationId);
        var copies = (await transcripts.GetCopiesAsync(session, conversationId)).ToLookup(c => c.MessageId);
        var sends = (await transcripts.GetSendStatesAsync(session, conversationId)).ToDictionary(s => s.MessageId);
        // Telegram gives times to the second, the marketplace to the millisecond: within one second, the order the bridge
        // took them in decides.
        var byId = messages.ToDictionary(m => m.Id);
        var entries = messages
            .OrderBy(m => m.CreatedAt.ToUnixTimeSeconds()).ThenBy(m => m.Id)
            .Select(m => TranscriptEntries.Of(m, conversation, copies[m.Id].ToList(), sends.GetValueOrDefault(m.Id), staffChat.Value) with
            {
                InReplyTo = m.ReplyToMessageId is { } answered && byId.TryGetValue(answered, out var a) ? TranscriptReply.Of(a.Id, a.CreatedAt, a.Text) : null,
            })
            .ToList();
        return new Transcript(conversation, entries, time.GetUtcNow(), options.Value.Zone);
    }

    /// <summary>The transcript of the newest conversation with this order (or chat) id, or null.</summary>
    public async Task<Transcript?> ReadByExternalIdAsync(string externalId, CancellationToken cancellationToken)
    {
        long? id;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            id = await conversations.FindIdByExternalIdAsync(session, externalId);
        }

        return id is { } found ? await ReadAsync(found, cancellationToken) : null;
    }
}
