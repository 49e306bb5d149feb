using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Storage;

namespace Bot.Core.Outbox;

/// <summary>What a delivery reads and records: it loads the message, its conversation and the copies already made,
/// and records the copies it makes, their acceptance and the language it learned, each in its own transaction.</summary>
public sealed class DeliveryRecords(IDbConnectionFactory connections, IConversationRepository conversations, IMessageRepository messages, ConversationLabels labels)
{
    public async Task<(StoredMessage Message, Conversation Conversation, IReadOnlyList<MessageCopy> Copies)> LoadAsync(
        OutboxItem item, CopyTarget copyTarget, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        var message = await messages.GetAsync(session, item.MessageId ?? throw new InvalidOperationException($"Outbox item {item.Id} names no message."))
            ?? throw new InvalidOperationException($"Message {item.MessageId} of outbox item {item.Id} does not exist.");
        var conversation = await conversations.GetAsync(session, message.ConversationId)
            ?? throw new InvalidOperationException($"Conversation {message.ConversationId} does not exist.");
        labels.Remember(conversation); // The delivery's log lines name its order from this read.
        var copies = await messages.GetCopiesAsync(session, message.Id, copyTarget);
        return (message, conversation, copies);
    }

    /// <summary>Loads the messages of several items of one lane in one read transaction and one query per table (the
    /// items a merged send may carry), instead of one transaction of three queries per item.</summary>
    /// <returns>One entry per item, in order; null for an item after the first whose message does not exist (a missing
    /// first message throws, as <see cref="LoadAsync"/> does).</returns>
    public async Task<IReadOnlyList<LoadedMessage?>> LoadManyAsync(IReadOnlyList<OutboxItem> items, CopyTarget copyTarget, CancellationToken cancellationToken)
    {
        var ids = items.Where(i => i.MessageId is not null).Select(i => i.MessageId!.Value).Distinct().ToList();
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        var found = ids.Count == 0 ? new Dictionary<long, StoredMessage>() : (await messages.GetManyAsync(session, ids)).ToDictionary(m => m.Id);
        var copies = (found.Count == 0 ? [] : await messages.GetCopiesOfAsync(session, [.. found.Keys], copyTarget)).ToLookup(c => c.MessageId);
        var conversationsById = new Dictionary<long, Conversation?>();
        var loaded = new List<LoadedMessage?>(items.Count);
        foreach (var item in items)
        {
            var message = item.MessageId is { } id ? found.GetValueOrDefault(id) : null;
            Conversation? conversation = null;
            if (message is not null && !conversationsById.TryGetValue(message.ConversationId, out conversation))
            {
                conversation = await conversations.GetAsync(session, message.ConversationId);
                conversationsById[message.ConversationId] = conversation;
                if (conversation is not null)
                {
                    labels.Remember(conversation); // The delivery's log lines name its order from this read.
                }
            }

            if (loaded.Count == 0)
            {
                _ = item.MessageId ?? throw new InvalidOperationException($"Outbox item {item.Id} names no message.");
                _ = message ?? throw new InvalidOperationException($"Message {item.MessageId} of outbox item {item.Id} does not exist.");
                _ = conversation ?? throw new InvalidOperationException($"Conversation {message.ConversationId} does not exist.");
            }

            loaded.Add(message is null || conversation is null ? null : new LoadedMessage(message, conversation, [.. copies[message.Id]]));
        }

        return loaded;
    }

    public async Task AddCopyAsync(MessageCopy copy, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        copy.Id = await messages.AddCopyAsync(session, copy);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>Records every part of a message at once, so that a retry sends the same parts.</summary>
    /// <returns>The copies, with their ids.</returns>
    public async Task<IReadOnlyList<MessageCopy>> AddCopiesAsync(IReadOnlyList<MessageCopy> copies, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        foreach (var copy in copies)
        {
            copy.Id = await messages.AddCopyAsync(session, copy);
        }

        await session.CommitAsync(cancellationToken);
        return copies;
    }

    public async Task MarkAcceptedAsync(long copyId, string? remoteId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await messages.MarkAcceptedAsync(session, copyId, remoteId);
        await session.CommitAsync(cancellationToken);
    }

    public async Task SetCopyTextAsync(MessageCopy copy, string text, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await messages.SetCopyTextAsync(session, copy.Id, text);
        await session.CommitAsync(cancellationToken);
        copy.Text = text;
    }

    /// <summary>Remembers the language a buyer writes in, for translating replies to them. The first language learned
    /// (or one staff or the buyer set with /lang) stays until changed with /lang: one message in another language,
    /// or a misdetected short one, does not switch the conversation.</summary>
    public async Task LearnLanguageAsync(StoredMessage message, Conversation conversation, string language, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await messages.SetLanguageAsync(session, message.Id, language);
        if (conversation.BuyerLanguage is null)
        {
            await conversations.SetBuyerLanguageAsync(session, conversation.Id, language);
        }

        await session.CommitAsync(cancellationToken);
    }
}
