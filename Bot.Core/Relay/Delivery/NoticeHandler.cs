using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Outbox;

namespace Bot.Core.Relay.Delivery;

/// <summary>Sends the bridge's own short notes and reactions (✅ delivered, ⚠️ with the reason).</summary>
public sealed class NoticeHandler(IChatGateway chat) : IDeliveryHandler
{
    public string Kind => OutboxKinds.Notice;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var notice = JsonSerializer.Deserialize<NoticePayload>(item.Payload ?? "null")
            ?? throw new InvalidOperationException($"Outbox item {item.Id} has no notice.");
        if (notice.ReactionEmoji is { } emoji && notice.ReplyToMessageId is { } target)
        {
            await chat.SetReactionAsync(notice.ChatId, target, emoji, cancellationToken);
        }

        if (notice.Html.Length > 0)
        {
            await chat.SendTextAsync(new ChatText(notice.ChatId, notice.TopicId, notice.Html, notice.ReplyToMessageId, notice.Buttons), cancellationToken);
        }
    }
}
