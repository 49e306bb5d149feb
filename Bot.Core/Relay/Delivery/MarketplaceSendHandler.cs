using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Relay.Formatting;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Microsoft.Extensions.Options;

namespace Bot.Core.Relay.Delivery;

/// <summary>Posts a staff reply into its marketplace conversation, translated into the buyer's language.
/// Each part is recorded before it is sent, so that its echo is recognised when the poller brings it back.
/// Outcome unknown (a timeout after the request left): the part is sent again on retry, and if both arrived the
/// second shows up in the staff topic as a seller-center message; nothing is lost.</summary>
public sealed class MarketplaceSendHandler(
    IMarketplaceClient marketplace,
    DeliveryContextLoader loader,
    ITranslationService translator,
    StaffFeedback feedback,
    IBuyerFanOut buyers,
    IOptions<RelayOptions> options) : IDeliveryHandler
{
    /// <summary>Replied instead of 👍 where the staff chat does not allow that reaction.</summary>
    public const string DeliveredHtml = "👍 Delivered to the marketplace.";

    public string Kind => OutboxKinds.MarketplaceSend;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (message, conversation, copies) = await loader.LoadAsync(item, MessageCopy.Marketplace, cancellationToken);
        string text;
        TranslationResult translation;
        if (message.Role == AuthorRole.Buyer)
        {
            // The buyer's own words from Telegram: posted as written, labelled so the record is unambiguous.
            translation = TranslationResult.Untranslated(message.Text, message.Language, message.Language ?? "", TranslationStatus.NotNeeded);
            text = MarketplaceFormatter.FromBuyerInTelegram(message.Text);
        }
        else
        {
            translation = conversation.BuyerLanguage is { } buyerLanguage
                ? await translator.TranslateAsync(message.Text, null, buyerLanguage, cancellationToken)
                : TranslationResult.Untranslated(message.Text, null, options.Value.StaffLanguage, TranslationStatus.NotNeeded);
            text = MarketplaceFormatter.Reply(translation, options.Value.IncludeOriginalOnMarketplace);
        }

        var parts = TextSplitter.Split(text, marketplace.Capabilities.MaxTextLength);
        for (var part = 0; part < parts.Count; part++)
        {
            var copy = copies.FirstOrDefault(c => c.Part == part);
            if (copy?.RemoteMessageId is not null)
            {
                continue; // Its echo came back: the marketplace has it.
            }

            if (copy is null)
            {
                copy = new MessageCopy
                {
                    MessageId = message.Id, Target = MessageCopy.Marketplace, Part = part, Text = parts[part],
                    Language = translation.IsTranslated ? translation.TargetLanguage : translation.SourceLanguage, Provider = translation.Provider,
                };
                await loader.AddCopyAsync(copy, cancellationToken);
            }

            var result = await marketplace.SendAsync(
                new MarketplaceOutgoing(conversation.ExternalId, conversation.Kind, conversation.BuyerId, copy.Text ?? parts[part], conversation.ReplyContext),
                cancellationToken);
            if (result.MessageId is { } id)
            {
                await loader.SetRemoteIdAsync(copy.Id, id, cancellationToken);
            }
        }
    }

    public async Task OnDeliveredAsync(DbSession session, OutboxItem item)
    {
        await feedback.EnqueueAsync(session, item, ChatReactions.Delivered, null, DeliveredHtml);
        await buyers.EnqueueSellerSideAsync(session, item.ConversationId, item.MessageId);
    }

    public Task OnDeadAsync(DbSession session, OutboxItem item, string reason) =>
        feedback.EnqueueAsync(session, item, ChatReactions.Failed, $"⚠️ Not delivered to the marketplace: {StaffFeedback.Reason(reason)}");
}
