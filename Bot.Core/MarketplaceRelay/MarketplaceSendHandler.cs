using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Microsoft.Extensions.Options;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Posts a staff reply into its marketplace conversation, translated into the buyer's language (or, when the
/// translator fails, as written under a short note saying so, and staff are told).
/// All parts are recorded before the first is sent, so that their echoes are recognised when the poller brings them
/// back and a retry sends the same text; each part is marked once the marketplace accepted it, so a retry posts only
/// the parts not yet accepted. A staff photo or document is uploaded (<see cref="StaffFileUpload"/>) before any part is
/// recorded (a refused upload posts nothing); its url is the first part (<see cref="ImageCopy"/>), so a retry posts it
/// without uploading it again, unless the adapter lost it in a restart (<see cref="MarketplaceException.UploadGone"/>).
/// Outcome unknown (a timeout after the request left): that part is sent again on retry, and if both arrived the second
/// shows up in the staff topic as a seller-center message; nothing is lost.</summary>
public sealed class MarketplaceSendHandler(
    IMarketplaceClient marketplace,
    StaffFileUpload files,
    DeliveryRecords records,
    ITranslationService translator,
    StaffFeedback feedback,
    IBuyerFanOut buyers,
    IMessageRepository messages,
    IOutboxRepository outbox,
    RelayMetrics metrics,
    IOptions<StaffChatOptions> staff,
    IOptions<MarketplaceRelayOptions> options) : IDeliveryHandler
{
    /// <summary>Replied instead of 👍 where the staff chat does not allow that reaction.</summary>
    public const string DeliveredHtml = "👍 Delivered to the marketplace.";

    /// <summary>The provider of a copy that is an image: its text is the url the marketplace gave for it.</summary>
    public const string ImageCopy = "image";

    public string Kind => OutboxKinds.MarketplaceSend;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (message, conversation, copies) = await records.LoadAsync(item, CopyTarget.Marketplace, cancellationToken);
        if (copies.Count == 0)
        {
            copies = await records.AddCopiesAsync(await PartsAsync(message, conversation.BuyerLanguage, cancellationToken), cancellationToken);
        }

        for (var i = 0; i < copies.Count; i++)
        {
            var copy = copies[i];
            if (copy.AcceptedAt is not null || copy.RemoteMessageId is not null)
            {
                continue; // Accepted before (or its echo came back): the marketplace has it.
            }

            MarketplaceOutgoing Outgoing() => new(conversation.ExternalId, conversation.Kind, conversation.BuyerId,
                copy.Provider == ImageCopy ? "" : copy.Text ?? "", conversation.ReplyContext, copy.Provider == ImageCopy ? copy.Text : null);
            MarketplaceSendResult result;
            try
            {
                result = await marketplace.SendAsync(Outgoing(), cancellationToken);
            }
            catch (MarketplaceException e) when (e.Code == MarketplaceException.UploadGone && copy.Provider == ImageCopy && message.SourceFileId is not null)
            {
                // The adapter kept the file in memory and has restarted since: fetch it from the chat again.
                await records.SetCopyTextAsync(copy, await files.UploadAsync(message, cancellationToken), cancellationToken);
                result = await marketplace.SendAsync(Outgoing(), cancellationToken);
            }

            if (i < copies.Count - 1 || result.MessageId is not null)
            {
                // The last part is marked with the item's completion (one transaction less per reply).
                await records.MarkAcceptedAsync(copy.Id, result.MessageId, cancellationToken);
            }
        }
    }

    public async Task OnDeliveredAsync(DbSession session, OutboxItem item)
    {
        string? note = null;
        if (item.MessageId is { } messageId)
        {
            await messages.MarkAllAcceptedAsync(session, messageId);
            var copies = await messages.GetCopiesAsync(session, messageId, CopyTarget.Marketplace);
            note = copies.FirstOrDefault(c => c.Provider != ImageCopy) is { } first && UntranslatedNote.IsOn(first.Text)
                ? "⚠️ Sent untranslated: the translator was unavailable, so the buyer got your original text with a note saying so." : null;
        }

        await feedback.EnqueueAsync(session, item, ChatReactions.Delivered, note, DeliveredHtml);
        await buyers.EnqueueSellerSideAsync(session, item.ConversationId, item.MessageId);

        // Staff answered: the conversation is handled (a linked buyer's own message is not an answer), where the
        // marketplace keeps such a state.
        if (marketplace.MarksProcessed && item.ConversationId is { } conversationId && await messages.GetAuthorRoleAsync(session, item.MessageId) == AuthorRole.Staff)
        {
            await outbox.EnqueueOnceAsync(session, new OutboxEntry(
                OutboxKinds.MarketplaceMarkProcessed, OutboxKinds.MarketplaceLane(conversationId), conversationId, item.MessageId));
        }
    }

    public Task OnDeadAsync(DbSession session, OutboxItem item, string reason) =>
        feedback.EnqueueAsync(session, item, ChatReactions.Failed, $"⚠️ Not delivered to the marketplace: {StaffFeedback.Reason(reason)}");

    /// <summary>The parts to post, each as a copy to record.</summary>
    private async Task<IReadOnlyList<MessageCopy>> PartsAsync(StoredMessage message, string? buyerLanguage, CancellationToken cancellationToken)
    {
        var parts = new List<MessageCopy>();
        if (message.Role == AuthorRole.Staff && message.SourceFileId is not null)
        {
            parts.Add(new MessageCopy { MessageId = message.Id, Target = CopyTarget.Marketplace, Part = 0, Text = await files.UploadAsync(message, cancellationToken), Provider = ImageCopy });
            if (string.IsNullOrWhiteSpace(message.Text))
            {
                return parts; // A photo or file without caption.
            }
        }

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
            translation = buyerLanguage is not null
                ? await translator.TranslateAsync(message.Text, null, staff.Value.StaffLanguage, buyerLanguage, cancellationToken)
                : TranslationResult.Untranslated(message.Text, null, staff.Value.StaffLanguage, TranslationStatus.NotNeeded);
            text = MarketplaceFormatter.Reply(translation, options.Value.IncludeOriginalOnMarketplace);
            if (translation.Status == TranslationStatus.Failed)
            {
                metrics.SentUntranslated(Kind);
            }
        }

        var language = translation.IsTranslated ? translation.TargetLanguage : translation.SourceLanguage;
        var offset = parts.Count;
        parts.AddRange(TextSplitter.Split(text, marketplace.Capabilities.MaxTextLength)
            .Select((part, i) => new MessageCopy
            {
                MessageId = message.Id, Target = CopyTarget.Marketplace, Part = offset + i, Text = part, Language = language, Provider = translation.Provider,
            }));
        return parts;
    }
}
