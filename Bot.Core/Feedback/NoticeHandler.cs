using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;

namespace Bot.Core.Feedback;

/// <summary>Sends the bridge's own short notes, optionally with a reaction on the message they answer. The reaction is
/// put first and only where the chat takes it: a refused one is skipped (the note says the same) and never costs the
/// note. A notice without text whose reaction is refused (queued by an older version) is replied in text instead.</summary>
public sealed class NoticeHandler(ReactionSender reactions, NoteSender notes, Translation.ITranslationService translator) : IDeliveryHandler
{
    public string Kind => OutboxKinds.Notice;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var notice = JsonSerializer.Deserialize<NoticePayload>(item.Payload ?? "null")
            ?? throw new InvalidOperationException($"Outbox item {item.Id} has no notice.");
        if (notice.ReactionEmoji is { } emoji && notice.ReplyToMessageId is { } target &&
            !await reactions.TryReactAsync(notice.ChatId, target, emoji, cancellationToken) && notice.Html.Length == 0)
        {
            notice = notice with
            {
                Html = ChatReactions.Current(emoji) == ChatReactions.Delivered ? MarketplaceSendHandler.DeliveredHtml : Formatting.Html.Escape(emoji),
                TranslateTo = null,
            };
        }

        if (notice.TranslateTo is { } language)
        {
            notice = notice with
            {
                Html = Formatting.Html.Escape(await InAsync(notice.Html, language, cancellationToken)),
                Buttons = notice.Buttons is null ? null : await TranslateButtonsAsync(notice.Buttons, language, cancellationToken),
            };
        }

        if (notice.Html.Length > 0)
        {
            await notes.SendAsync(new ChatText(notice.ChatId, notice.TopicId, notice.Html, notice.ReplyToMessageId, notice.Buttons), cancellationToken);
        }
    }

    private async Task<string> InAsync(string english, string language, CancellationToken cancellationToken) =>
        (await translator.TranslateAsync(english, "en", language, cancellationToken)).Text;

    private async Task<IReadOnlyList<IReadOnlyList<ChatButton>>> TranslateButtonsAsync(
        IReadOnlyList<IReadOnlyList<ChatButton>> rows, string language, CancellationToken cancellationToken)
    {
        var translated = new List<IReadOnlyList<ChatButton>>();
        foreach (var row in rows)
        {
            var buttons = new List<ChatButton>();
            foreach (var button in row)
            {
                buttons.Add(button.Translatable ? button with { Text = await InAsync(button.Text, language, cancellationToken) } : button);
            }

            translated.Add(buttons);
        }

        return translated;
    }
}
