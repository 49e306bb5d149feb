using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Drafts;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff;

/// <summary>Sends prepared posts into a staff topic, alone or several in one Telegram message, and says which copies
/// they made.</summary>
public sealed class PostSender(IChatGateway chat, TopicResolver topics, StaffImageSender images, StaffFileSender files, DeliveryRecords records, IOptions<DraftOptions> drafts)
{
    /// <summary>Sends one stored message: its text parts (the first under the order card when the topic is new and they
    /// fit together), then its photos, then its files. Every copy but the last is recorded as it goes. <paramref name="card"/>
    /// is the new topic's card (<see cref="TopicResolver.GetOrOpenAsync"/>), null when none is due.</summary>
    /// <returns>The last part's copy, to record with the delivery's completion (null when every part was sent before),
    /// and the card when it carried that part, to store with it (<see cref="TopicResolver.StoreCardAsync"/>).</returns>
    public async Task<(MessageCopy? Last, CardMessage? Card)> SendAloneAsync(PreparedPost post, ThreadBinding binding, NewTopicCard? card, CancellationToken cancellationToken)
    {
        var parts = post.Parts(showTime: false);
        var done = post.Copies.Where(c => c.ChatId == binding.ChatId).Select(c => c.Part).ToHashSet();
        var topic = new TopicSender(chat, topics, post.Conversation, binding);
        var photos = post.Message.ImageUrls;
        var attachments = post.Message.Files;
        var last = parts.Count + photos.Count + attachments.Count - 1;
        MessageCopy? lastCopy = null;
        CardMessage? lastCard = null;
        for (var part = 0; part <= last; part++)
        {
            if (done.Contains(part))
            {
                continue;
            }

            int id;
            var underCard = card is not null && part < parts.Count && PostMerger.Fit([parts[part]], StaffFormatter.OrderCard(post.Conversation)) == 1;
            if (underCard && part == last)
            {
                // The card carries the last part: both are recorded by the completion.
                lastCard = await topics.PostCardAsync(post.Conversation, binding, parts[part], card!, cancellationToken);
                id = lastCard.MessageId;
            }
            else if (underCard)
            {
                id = await topics.SendCardAsync(post.Conversation, binding, parts[part], card, cancellationToken);
            }
            else
            {
                if (card is not null)
                {
                    await topics.SendCardAsync(post.Conversation, binding, null, card, cancellationToken);
                }

                var buttons = part == parts.Count - 1 ? DraftButtonsFor([post]) : null;
                id = part < parts.Count
                    ? await topic.SendAsync((chatId, topicId) => chat.SendTextAsync(new ChatText(chatId, topicId, parts[part], Buttons: buttons), cancellationToken), cancellationToken)
                    : part < parts.Count + photos.Count ? await images.SendAsync(topic, photos[part - parts.Count], cancellationToken)
                    : await files.SendAsync(topic, attachments[part - parts.Count - photos.Count], cancellationToken);
            }

            card = null;
            var copy = Copy(post, topic.Binding, part, id);
            if (part == last)
            {
                lastCopy = copy; // Stored with the item's completion: one transaction less per message.
            }
            else
            {
                await records.AddCopyAsync(copy, cancellationToken);
            }
        }

        if (card is not null)
        {
            await topics.SendCardAsync(post.Conversation, binding, null, card, cancellationToken);
        }

        return (lastCopy, lastCard);
    }

    /// <summary>Sends several posts of one conversation as one Telegram message (under the order card when the topic is
    /// new: <paramref name="card"/> not null). Each post keeps its own copy, all with the same Telegram message id.</summary>
    /// <returns>The copies, and the card that carried them (null when none was due), both recorded by the completion.</returns>
    public async Task<(IReadOnlyList<MessageCopy> Copies, CardMessage? Card)> SendMergedAsync(
        IReadOnlyList<PreparedPost> posts, ThreadBinding binding, NewTopicCard? card, CancellationToken cancellationToken)
    {
        var conversation = posts[0].Conversation;
        var html = PostMerger.Join(posts.Select(p => p.Parts(showTime: true)[0]));
        var topic = new TopicSender(chat, topics, conversation, binding);
        var posted = card is not null ? await topics.PostCardAsync(conversation, binding, html, card, cancellationToken) : null;
        var id = posted?.MessageId
            ?? await topic.SendAsync((chatId, topicId) => chat.SendTextAsync(new ChatText(chatId, topicId, html, Buttons: DraftButtonsFor(posts)), cancellationToken), cancellationToken);
        return (posts.Select(p => Copy(p, topic.Binding, 0, id)).ToList(), posted);
    }

    /// <summary>"✍️ Draft" under a post that shows buyer messages (answering up to the latest of them); none when drafts
    /// are off. A card carries its own Draft button.</summary>
    private IReadOnlyList<IReadOnlyList<ChatButton>>? DraftButtonsFor(IEnumerable<PreparedPost> posts) =>
        posts.Where(p => p.Message.Role == AuthorRole.Buyer).Select(p => (long?)p.Message.Id).Max() is { } latest
            ? DraftButtons.Under(latest, drafts.Value)
            : null;

    private static MessageCopy Copy(PreparedPost post, ThreadBinding binding, int part, int telegramMessageId) =>
        new()
        {
            MessageId = post.Message.Id, Target = CopyTarget.Telegram, Part = part, ChatId = binding.ChatId, TopicId = binding.TopicId,
            RemoteMessageId = telegramMessageId.ToString(CultureInfo.InvariantCulture),
            Text = post.Translation.IsTranslated ? post.Translation.Text : null, Language = post.Translation.TargetLanguage,
            Provider = post.Translation.Provider,
        };
}
