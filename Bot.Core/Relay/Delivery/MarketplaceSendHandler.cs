using System.Text.Json;
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
    OutboxStore outbox,
    IOptions<RelayOptions> options) : IDeliveryHandler
{
    public string Kind => OutboxKinds.MarketplaceSend;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (message, conversation, copies) = await loader.LoadAsync(item, MessageCopy.Marketplace, cancellationToken);
        var translation = conversation.BuyerLanguage is { } buyerLanguage
            ? await translator.TranslateAsync(message.Text, null, buyerLanguage, cancellationToken)
            : TranslationResult.Untranslated(message.Text, null, options.Value.StaffLanguage, TranslationStatus.NotNeeded);
        var text = MarketplaceFormatter.Reply(translation, options.Value.IncludeOriginalOnMarketplace);
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

    public Task OnDeliveredAsync(DbSession session, OutboxItem item) => ReactAsync(session, item, "✅", null);

    public Task OnDeadAsync(DbSession session, OutboxItem item, string reason) =>
        ReactAsync(session, item, "⚠️", $"⚠️ Not delivered to the marketplace: {Html.Escape(reason)}");

    private async Task ReactAsync(DbSession session, OutboxItem item, string emoji, string? noticeHtml)
    {
        var source = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<(long? ChatId, long? MessageId, long? TopicId)>(
            session.Connection,
            """
            SELECT m.source_chat_id, m.source_message_id, b.topic_id
            FROM messages m LEFT JOIN thread_bindings b ON b.conversation_id = m.conversation_id AND b.chat_id = m.source_chat_id
            WHERE m.id = @id
            """,
            new { id = item.MessageId },
            session.Transaction);
        if (source.ChatId is not { } chatId || source.MessageId is not { } messageId)
        {
            return; // Not from Telegram: nobody to tell.
        }

        var payload = new NoticePayload(chatId, (int?)source.TopicId, noticeHtml ?? "", (int)messageId, emoji);
        await outbox.EnqueueAsync(session, new OutboxEntry(
            OutboxKinds.Notice, OutboxKinds.ChatLane(chatId), item.ConversationId, item.MessageId, noticeHtml is null ? null : chatId,
            JsonSerializer.Serialize(payload)));
    }
}
