using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff;

/// <summary>Shows a marketplace message in its conversation's staff topic: translated, split to Telegram's limit,
/// photos uploaded. Each part is recorded as a copy once Telegram accepted it, so a retry sends only what is missing.</summary>
public sealed class StaffPostHandler(
    IChatGateway chat,
    TopicResolver topics,
    DeliveryRecords records,
    ITranslationService translator,
    IMediaFetcher media,
    IOutboxRepository outbox,
    IDbConnectionFactory connections,
    IMessageRepository messages,
    IOptions<StaffChatOptions> staffChat,
    IOptions<StaffOptions> options) : IDeliveryHandler
{
    // Deliveries whose last copy waits for the completion transaction, by outbox item id.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (MessageCopy Copy, bool FromBuyer)> finished = new();

    public string Kind => OutboxKinds.StaffPost;

    /// <summary>One send per post and per photo, and two more (the topic and its card) when the conversation has no
    /// topic yet.</summary>
    public async Task<int> SendsNeededAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        var row = await messages.GetStaffPostShapeAsync(session, item.ConversationId, item.MessageId);
        var images = row.ImagesJson is null ? 0 : System.Text.Json.JsonSerializer.Deserialize<string[]>(row.ImagesJson)?.Length ?? 0;
        return 1 + images + (row.HasStaffTopic == 0 ? 2 : 0);
    }

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        finished.TryRemove(item.Id, out _);
        var (message, conversation, copies) = await records.LoadAsync(item, CopyTarget.Telegram, cancellationToken);
        var staffChatId = item.ChatId ?? staffChat.Value.StaffChatId;
        var binding = await topics.GetOrCreateAsync(conversation, staffChatId, cancellationToken);

        var known = message.Language ?? (message.Role == AuthorRole.Buyer ? conversation.BuyerLanguage : null);
        var translation = await translator.TranslateAsync(message.Text, message.Language, staffChat.Value.StaffLanguage, cancellationToken);
        if (message.Role == AuthorRole.Buyer && message.Language is null && translation.SourceLanguage is { } detected)
        {
            await records.LearnLanguageAsync(message, conversation, detected, cancellationToken);
        }
        else if (known is not null && translation.SourceLanguage is null)
        {
            translation = translation with { SourceLanguage = known };
        }

        var parts = StaffFormatter.Post(message, conversation, translation);
        var done = copies.Where(c => c.ChatId == staffChatId).Select(c => c.Part).ToHashSet();
        var topic = new TopicSender(chat, topics, conversation, binding);
        var images = message.ImageUrls;
        var last = parts.Count + images.Count - 1;
        for (var part = 0; part <= last; part++)
        {
            if (done.Contains(part))
            {
                continue;
            }

            var id = part < parts.Count
                ? await topic.SendAsync((chatId, topicId) => chat.SendTextAsync(new ChatText(chatId, topicId, parts[part]), cancellationToken), cancellationToken)
                : await SendImageAsync(topic, images[part - parts.Count], cancellationToken);
            var copy = Copy(message, topic.Binding, part, id, translation);
            if (part == last)
            {
                // The last part's copy is stored with the item's completion (one transaction less per message); a crash
                // in between resends only this part, like any delivery in flight.
                finished[item.Id] = (copy, message.Role == AuthorRole.Buyer);
            }
            else
            {
                await records.AddCopyAsync(copy, cancellationToken);
            }
        }
    }

    public async Task OnDeliveredAsync(DbSession session, OutboxItem item)
    {
        bool fromBuyer;
        if (finished.TryRemove(item.Id, out var last))
        {
            await messages.AddCopyAsync(session, last.Copy);
            fromBuyer = last.FromBuyer;
        }
        else
        {
            fromBuyer = await messages.GetAuthorRoleAsync(session, item.MessageId) == AuthorRole.Buyer;
        }

        // Whether marking read does anything is the adapter's setting (e.g. Marketplace__AliExpress__MarkReadAfterRelay).
        if (item.ConversationId is { } conversationId && fromBuyer)
        {
            await outbox.EnqueueOnceAsync(session, new OutboxEntry(
                OutboxKinds.MarketplaceMarkRead, OutboxKinds.MarketplaceLane(conversationId), conversationId, item.MessageId));
        }
    }

    private async Task<int> SendImageAsync(TopicSender topic, string url, CancellationToken cancellationToken)
    {
        var bytes = await media.FetchAsync(url, options.Value.MaxPhotoBytes, cancellationToken);
        if (bytes is null)
        {
            return await SendLinkAsync(topic, $"📷 A photo could not be fetched from the marketplace: {Html.Link(url, "open it there")}", cancellationToken);
        }

        var name = Path.GetFileName(new Uri(url).AbsolutePath);
        try
        {
            return await topic.SendAsync(
                (chatId, topicId) => chat.SendPhotoAsync(new ChatPhoto(chatId, topicId, bytes, string.IsNullOrEmpty(name) ? "photo.jpg" : name), cancellationToken),
                cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.BadRequest)
        {
            // Telegram refuses some images for good (IMAGE_PROCESS_FAILED, PHOTO_INVALID_DIMENSIONS, ...): retrying the
            // same bytes would only end in a dead letter, so staff get the link instead.
            return await SendLinkAsync(topic, $"📷 Telegram refused a photo from the marketplace ({Html.Escape(e.Message)}): {Html.Link(url, "open it there")}", cancellationToken);
        }
    }

    private async Task<int> SendLinkAsync(TopicSender topic, string html, CancellationToken cancellationToken) =>
        await topic.SendAsync((chatId, topicId) => chat.SendTextAsync(new ChatText(chatId, topicId, html), cancellationToken), cancellationToken);

    private static MessageCopy Copy(StoredMessage message, ThreadBinding binding, int part, int telegramMessageId, TranslationResult translation) =>
        new()
        {
            MessageId = message.Id, Target = CopyTarget.Telegram, Part = part, ChatId = binding.ChatId, TopicId = binding.TopicId,
            RemoteMessageId = telegramMessageId.ToString(CultureInfo.InvariantCulture),
            Text = translation.IsTranslated ? translation.Text : null, Language = translation.TargetLanguage, Provider = translation.Provider,
        };
}
