using System.Text.Json;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Turns one <c>message_detail</c> of a relation into the core's message.</summary>
/// <remarks>Messages with neither text nor images are reported anyway: the core keeps them as dedup keys and skips
/// relaying them, so nothing is silently dropped here.</remarks>
internal sealed class AliExpressMessageMapper(ILogger<AliExpressMessageMapper> logger)
{
    public MarketplaceMessage? Map(AliExpressRelation relation, JsonElement detail, DateTimeOffset sentAt)
    {
        var id = IopJson.Str(detail, "id") ?? IopJson.Str(detail, "message_id");
        if (string.IsNullOrEmpty(id))
        {
            AliExpressLog.MessageWithoutId(logger, relation.ChannelId);
            return null;
        }

        var summary = IopJson.Obj(detail, "summary") ?? default;
        var messageType = IopJson.Str(detail, "message_type")?.Trim().ToLowerInvariant();
        var externId = IopJson.Str(detail, "extern_id");
        if (messageType is not (AliExpressReplyContext.Order or AliExpressReplyContext.Product or AliExpressReplyContext.Member))
        {
            AliExpressLog.UnknownMessageType(logger, id, relation.ChannelId, messageType);
        }

        var isOrder = messageType == AliExpressReplyContext.Order || relation.IsOrderChannel;
        var orderId = isOrder ? relation.OrderId ?? NonZero(externId) ?? relation.ChannelId : null;
        var context = isOrder
            ? new AliExpressReplyContext(AliExpressReplyContext.Order, orderId!)
            : messageType == AliExpressReplyContext.Product && NonZero(externId) is { } productId
                ? new AliExpressReplyContext(AliExpressReplyContext.Product, productId)
                : new AliExpressReplyContext(AliExpressReplyContext.Member, "0");

        return new MarketplaceMessage(
            id,
            relation.ChannelId,
            isOrder ? ConversationKind.Order : ConversationKind.Chat,
            AuthorOf(relation, detail, summary),
            relation.BuyerLoginId ?? "",
            relation.BuyerName,
            IopJson.Str(detail, "content") ?? "",
            Images(detail),
            sentAt,
            Card(summary, orderId),
            context.ToString());
    }

    /// <summary>The buyer is the relation's other side; everything else (staff, sub-accounts, the bridge) is the seller.</summary>
    private static MarketplaceAuthor AuthorOf(AliExpressRelation relation, JsonElement detail, JsonElement summary)
    {
        var senderLogin = IopJson.Str(detail, "sender_login_id") ?? IopJson.Str(summary, "sender_login_id");
        if (!string.IsNullOrEmpty(senderLogin) && !string.IsNullOrEmpty(relation.BuyerLoginId))
        {
            return string.Equals(senderLogin, relation.BuyerLoginId, StringComparison.OrdinalIgnoreCase) ? MarketplaceAuthor.Buyer : MarketplaceAuthor.Seller;
        }

        var senderAli = IopJson.Str(detail, "sender_ali_id") ?? IopJson.Str(summary, "sender_ali_id");
        return !string.IsNullOrEmpty(senderAli) && senderAli == relation.BuyerAliId ? MarketplaceAuthor.Buyer : MarketplaceAuthor.Seller;
    }

    /// <summary>The largest variant of each attached image: <c>l_path</c>, else <c>m_path</c>, else <c>s_path</c>.</summary>
    private static string[] Images(JsonElement detail) =>
        IopJson.List(detail, "file_path_list", "file_path")
            .Select(f => new[] { "l_path", "m_path", "s_path" }.Select(k => IopJson.Str(f, k)).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)))
            .OfType<string>()
            .ToArray();

    private static OrderCard? Card(JsonElement summary, string? orderId)
    {
        var card = new OrderCard(
            orderId,
            IopJson.Str(summary, "product_name"),
            IopJson.Str(summary, "order_url"),
            IopJson.Str(summary, "product_detail_url"),
            IopJson.Str(summary, "product_image_url"));
        return card == new OrderCard() ? null : card;
    }

    private static string? NonZero(string? id) => string.IsNullOrEmpty(id) || id == "0" ? null : id;
}
