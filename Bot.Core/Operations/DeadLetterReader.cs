using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations;

/// <summary>Reads the latest dead letters with their conversation (order or chat id, buyer) and staff topic.</summary>
public sealed class DeadLetterReader(
    IDeadLetterRepository deadLetters, IConversationRepository conversations, IDbConnectionFactory connections, IOptions<StaffChatOptions> staffChat)
{
    public async Task<IReadOnlyList<DeadLetter>> LatestAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await deadLetters.LatestAsync(limit, cancellationToken);
        return rows.Select(r => new DeadLetter(r.Id, r.Kind, (int)r.Attempts, r.LastError, r.ConversationKind, r.ExternalId, r.BuyerName,
            TopicLink(r.TopicChatId ?? staffChat.Value.StaffChatId, r.TopicId))).ToList();
    }

    /// <summary>The ids of the dead letters (of one conversation, when given), for watching what /retry requeues.</summary>
    public Task<IReadOnlyList<long>> DeadIdsAsync(long? conversationId, CancellationToken cancellationToken) =>
        deadLetters.IdsAsync(conversationId, cancellationToken);

    /// <summary>The conversation whose marketplace order or chat id this is; null when none is.</summary>
    public async Task<long?> FindConversationAsync(string externalId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        return await conversations.FindIdByExternalIdAsync(session, externalId);
    }

    /// <summary>The t.me link of a topic in a supergroup (chat id -100…); null for other chats or without a topic.</summary>
    public static string? TopicLink(long chatId, long? topicId)
    {
        var id = chatId.ToString(CultureInfo.InvariantCulture);
        return topicId is { } topic && id.StartsWith("-100", StringComparison.Ordinal) && id.Length > 4
            ? string.Create(CultureInfo.InvariantCulture, $"https://t.me/c/{id[4..]}/{topic}")
            : null;
    }
}
