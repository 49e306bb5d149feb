using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff;

/// <summary>Shows marketplace messages in their conversation's staff topic: translated, split to Telegram's limit,
/// photos uploaded. Each part is recorded as a copy once Telegram accepted it, so a retry sends only what is missing.
/// With <see cref="StaffOptions.MergePosts"/>, messages of a conversation that are due together (they waited for the
/// group's budget) go out as one Telegram message, and a new topic's order card carries the first messages.</summary>
public sealed class StaffPostHandler(
    TopicResolver topics,
    StaffPostPreparer preparer,
    PostSender sender,
    IOutboxRepository outbox,
    IDbConnectionFactory connections,
    IMessageRepository messages,
    IMarketplaceClient marketplace,
    IOptions<StaffChatOptions> staffChat,
    IOptions<StaffOptions> options) : IMergingDeliveryHandler, IDeliveryObserver
{
    // Copies (and a card that carried them) that wait for the completion transaction, by outbox item id; kept until
    // that transaction has committed (Delivered), so a completion whose write failed records them when it is retried.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (MessageCopy Copy, bool FromBuyer, CardMessage? Card)> finished = new();

    public string Kind => OutboxKinds.StaffPost;

    /// <summary>Both ways of delivering load the post through <see cref="StaffPostPreparer"/> first.</summary>
    public bool ReadsConversation => true;

    /// <summary>One send per post, per photo and per file, and more when the conversation has no topic yet: the topic, and the
    /// card unless it travels with the post.</summary>
    public async Task<int> SendsNeededAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        return Sends(await messages.GetStaffPostShapeAsync(session, item.ConversationId, item.MessageId));
    }

    /// <summary>The sends of a round's heads, read in one query (an item whose message is not found is left out: asked
    /// for alone, as before).</summary>
    public async Task<IReadOnlyDictionary<long, int>> SendsNeededAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Where(i => i.MessageId is not null).Select(i => i.MessageId!.Value).Distinct().ToList();
        var sends = new Dictionary<long, int>(items.Count);
        if (ids.Count == 0)
        {
            return sends;
        }

        IReadOnlyDictionary<long, (long HasStaffTopic, string? ImagesJson, string? FilesJson)> shapes;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            shapes = await messages.GetStaffPostShapesAsync(session, ids);
        }

        foreach (var item in items)
        {
            if (item.MessageId is { } id && shapes.TryGetValue(id, out var shape))
            {
                sends[item.Id] = Sends(shape);
            }
        }

        return sends;
    }

    private int Sends((long HasStaffTopic, string? ImagesJson, string? FilesJson) row)
    {
        var photos = row.ImagesJson is null ? 0 : System.Text.Json.JsonSerializer.Deserialize<string[]>(row.ImagesJson)?.Length ?? 0;
        var files = row.FilesJson is null ? 0 : new Bot.Core.Messages.StoredMessage { FilesJson = row.FilesJson }.Files.Count;
        return 1 + photos + files + (row.HasStaffTopic == 0 ? (options.Value.MergePosts ? 1 : 2) : 0);
    }

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        finished.TryRemove(item.Id, out _);
        var post = await preparer.PrepareAsync(item, cancellationToken);
        var (binding, card) = await OpenAsync(post.Conversation, ChatOf(item), cancellationToken);
        var (last, posted) = await sender.SendAloneAsync(post, binding, card, cancellationToken);
        Finish(item, post, last, posted);
    }

    public async Task<IReadOnlyList<OutboxItem>> DeliverMergedAsync(OutboxItem head, IReadOnlyList<OutboxItem> following, CancellationToken cancellationToken)
    {
        if (!options.Value.MergePosts)
        {
            await DeliverAsync(head, cancellationToken);
            return [head];
        }

        finished.TryRemove(head.Id, out _);
        var staffChatId = ChatOf(head);
        // One read for the head and the posts that may go with it; each is translated only when the one before it merges.
        var loaded = await preparer.LoadAsync([head, .. following], cancellationToken);
        var posts = new List<(OutboxItem Item, PreparedPost Post)> { (head, await preparer.PrepareAsync(loaded[0]!, cancellationToken)) };
        for (var i = 1; i < loaded.Count && posts[0].Post.CanMerge(staffChatId) && loaded[i] is { } next; i++)
        {
            // What preparing the previous post learned (the buyer's language) holds for the next one of its conversation.
            var previous = posts[^1].Post.Conversation;
            var post = await preparer.PrepareAsync(next.Conversation.Id == previous.Id ? next with { Conversation = previous } : next, cancellationToken);
            if (!post.CanMerge(staffChatId))
            {
                break;
            }

            posts.Add((following[i - 1], post));
        }

        var conversation = posts[0].Post.Conversation;
        var (binding, card) = await OpenAsync(conversation, staffChatId, cancellationToken);
        var taken = posts.Count == 1 ? 1 : PostMerger.Fit(posts.Select(p => p.Post.Parts(showTime: true)[0]).ToList(), card is not null ? StaffFormatter.OrderCard(conversation) : null);
        if (taken < 2)
        {
            var (last, posted) = await sender.SendAloneAsync(posts[0].Post, binding, card, cancellationToken);
            Finish(head, posts[0].Post, last, posted);
            return [head];
        }

        var merged = posts.Take(taken).ToList();
        var (copies, cardPosted) = await sender.SendMergedAsync(merged.Select(p => p.Post).ToList(), binding, card, cancellationToken);
        for (var i = 0; i < merged.Count; i++)
        {
            Finish(merged[i].Item, merged[i].Post, copies[i], i == 0 ? cardPosted : null);
        }

        return merged.Select(p => p.Item).ToList();
    }

    public Task OnDeliveredAsync(DbSession session, OutboxItem item) => OnDeliveredAsync(session, [item]);

    /// <summary>Records each post's last copy; one mark-read per conversation whose posts include a buyer's (asked for
    /// once per send, not once per post it carried).</summary>
    public async Task OnDeliveredAsync(DbSession session, IReadOnlyList<OutboxItem> items)
    {
        var copies = new List<MessageCopy>(items.Count);
        var fromBuyer = new bool[items.Count];
        var marksRead = marketplace.MarksRead;
        CardMessage? card = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (finished.TryGetValue(items[i].Id, out var last))
            {
                copies.Add(last.Copy);
                fromBuyer[i] = last.FromBuyer;
                card ??= last.Card;
            }
            else if (marksRead)
            {
                fromBuyer[i] = await messages.GetAuthorRoleAsync(session, items[i].MessageId) == AuthorRole.Buyer;
            }
        }

        // A merged send's copies in one statement; the card that carried them with them (a card not recorded here stays due,
        // and the conversation's next post brings it again).
        await messages.AddCopiesAsync(session, copies);
        if (card is not null)
        {
            await topics.StoreCardAsync(session, card);
        }

        var marked = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            // Only where marking read does something (the adapter says: e.g. Marketplace__AliExpress__MarkReadAfterRelay).
            if (marksRead && items[i].ConversationId is { } conversationId && fromBuyer[i] && marked.Add(conversationId))
            {
                await outbox.EnqueueOnceAsync(session, new OutboxEntry(
                    OutboxKinds.MarketplaceMarkRead, OutboxKinds.MarketplaceLane(conversationId), conversationId, items[i].MessageId));
            }
        }
    }

    /// <summary>The item's completion is committed: what waited for it is stored.</summary>
    public void Delivered(OutboxItem item) => finished.TryRemove(item.Id, out _);

    public void Failed(OutboxItem item, Exception error)
    {
    }

    private void Finish(OutboxItem item, PreparedPost post, MessageCopy? lastCopy, CardMessage? card)
    {
        if (lastCopy is not null)
        {
            finished[item.Id] = (lastCopy, post.Message.Role == AuthorRole.Buyer, card);
        }
    }

    private long ChatOf(OutboxItem item) => item.ChatId ?? staffChat.Value.StaffChatId;

    private async Task<(ThreadBinding Binding, NewTopicCard? Card)> OpenAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken) =>
        options.Value.MergePosts
            ? await topics.GetOrOpenAsync(conversation, staffChatId, cancellationToken)
            : (await topics.GetOrCreateAsync(conversation, staffChatId, cancellationToken), null);
}
