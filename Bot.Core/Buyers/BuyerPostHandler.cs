using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Formatting;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Microsoft.Extensions.Options;

namespace Bot.Core.Buyers;

/// <summary>Shows the seller side of a conversation in a linked buyer's private chat, translated into the buyer's
/// language and tagged with the order. Each part is recorded as a copy, so the buyer's replies find their order. A
/// topic the buyer deleted is made again; a buyer who blocked the bot has the delivery settled by the dispatcher
/// (<see cref="FailureKind.Unreachable"/>) and the link made inactive here (see <see cref="BuyerReachability"/>).</summary>
public sealed class BuyerPostHandler(
    IChatGateway chat,
    DeliveryRecords records,
    IDbConnectionFactory connections,
    IBuyerLinkRepository links,
    IMessageRepository messages,
    BuyerTopics buyerTopics,
    BuyerReachability reachability,
    ITranslationService translator,
    IOptions<StaffChatOptions> staffChat) : IDeliveryHandler
{
    public string Kind => OutboxKinds.BuyerPost;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (message, conversation, copies) = await records.LoadAsync(item, CopyTarget.Telegram, cancellationToken);
        BuyerLink? link;
        StoredMessage? answered;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            link = await links.FindByUserAsync(session, UserOf(item));
            answered = message.ReplyToMessageId is { } replied ? await messages.GetAsync(session, replied) : null;
        }

        if (message.Role == AuthorRole.Buyer || link is null || link.BlockedAt is not null || !BuyerOrders.Owns(link, conversation))
        {
            return; // The buyer's own words, or unlinked or blocked since: nothing to send, nothing to retry.
        }

        // A staff reply to the buyer's own message from this chat answers it there too, as a Telegram reply.
        var replyTo = answered is { SourceChatId: { } from, SourceMessageId: { } own } && from == link.ChatId ? (int?)own : null;
        await SendAsync(message, conversation, link, copies, replyTo, cancellationToken);
    }

    /// <summary>Telegram said the buyer blocked the bot (<see cref="ChatErrorKind.UserBlocked"/>): the link goes inactive
    /// and staff are told once.</summary>
    public Task OnSettledAsync(DbSession session, OutboxItem item, string reason) =>
        reachability.BlockedAsync(session, UserOf(item), item.ConversationId);

    private static long UserOf(OutboxItem item) => long.Parse(item.Payload ?? "0", CultureInfo.InvariantCulture);

    private async Task SendAsync(StoredMessage message, Conversation conversation, BuyerLink link, IReadOnlyList<MessageCopy> copies, int? replyTo, CancellationToken cancellationToken)
    {
        var target = conversation.BuyerLanguage ?? link.Language ?? "en";
        // Only the seller's side reaches here (DeliverAsync returns for the buyer's own words): likely the staff's language.
        var translation = await translator.TranslateAsync(message.Text, message.Language, staffChat.Value.StaffLanguage, target, cancellationToken);
        var order = conversation.Kind == ConversationKind.Order ? $"🧾 Order {conversation.ExternalId}" : "💬 Pre-order chat";
        var blocks = new List<HtmlBlock> { HtmlBlock.Wrapped("<b>", "</b>", order) };
        blocks.AddRange(TextSplitter.Split(translation.Text, ChatLimits.MaxTextLength - 200).Select(HtmlBlock.Text));
        if (translation.IsTranslated)
        {
            blocks.AddRange(TextSplitter.Split(translation.Original, ChatLimits.MaxTextLength - 200)
                .Select(chunk => HtmlBlock.Wrapped("<blockquote expandable>", "</blockquote>", chunk)));
        }

        var parts = HtmlBlock.Pack(blocks, ChatLimits.MaxTextLength);
        var topic = await buyerTopics.TopicForAsync(link, conversation, cancellationToken);
        var done = copies.Where(c => c.ChatId == link.ChatId).Select(c => c.Part).ToHashSet();
        for (var part = 0; part < parts.Count; part++)
        {
            if (done.Contains(part))
            {
                continue;
            }

            int id;
            try
            {
                id = await chat.SendTextAsync(new ChatText(link.ChatId, topic, parts[part], part == 0 ? replyTo : null), cancellationToken);
            }
            catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.TopicDeleted && topic is { } deleted)
            {
                topic = await buyerTopics.RecreateAsync(link, conversation, deleted, cancellationToken);
                id = await chat.SendTextAsync(new ChatText(link.ChatId, topic, parts[part]), cancellationToken);
            }

            await records.AddCopyAsync(
                new MessageCopy
                {
                    MessageId = message.Id, Target = CopyTarget.Telegram, Part = part, ChatId = link.ChatId, TopicId = topic,
                    RemoteMessageId = id.ToString(CultureInfo.InvariantCulture), Text = translation.IsTranslated ? translation.Text : null,
                    Language = translation.TargetLanguage, Provider = translation.Provider,
                },
                cancellationToken);
        }
    }
}
