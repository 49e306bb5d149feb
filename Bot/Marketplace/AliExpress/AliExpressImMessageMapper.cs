using System.Text.Json;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Turns one <c>AeImMessageDTO</c> (reference 3.1) into the core's message. The conversation is the buyer:
/// the IM family keeps one conversation per buyer, order questions included.</summary>
/// <remarks><c>content</c> is "message content in JSON format" with no published schema: read as the send side's
/// <c>message_content_dto</c> (<c>txt</c>, <c>img_url</c>, <c>order_id</c>, <c>item_id</c>), INFERRED; content that is
/// not JSON is taken as plain text.</remarks>
internal static class AliExpressImMessageMapper
{
    public const int Buyer = 11;
    public const int ImageTemplate = 3;
    public const int OrderCardTemplate = 10007;
    public const int ProductCardTemplate = 10006;

    public static MarketplaceMessage Map(AliExpressImSession session, JsonElement row, string messageId, DateTimeOffset sentAt)
    {
        var raw = IopJson.Str(row, "content") ?? "";
        using var content = TryJson(raw);
        var c = content?.RootElement ?? default;
        var template = IopJson.Long(row, "template_id") ?? 1;
        var text = content is null ? raw : IopJson.Str(c, "txt") ?? IopJson.Str(c, "text") ?? IopJson.Str(c, "content") ?? "";
        var image = IopJson.Str(c, "img_url") ?? IopJson.Str(c, "image_url");
        var orderId = IopJson.Str(c, "order_id");
        var itemId = IopJson.Str(c, "item_id");
        if (template == OrderCardTemplate && text.Length == 0 && orderId is not null)
        {
            text = $"[order {orderId}]";
        }
        else if (template == ProductCardTemplate && text.Length == 0 && itemId is not null)
        {
            text = $"[product {itemId}]";
        }

        var fromBuyer = IopJson.Long(row, "from_account_type") is { } type
            ? type == Buyer
            : IopJson.Str(row, "from_account_id") == session.BuyerId;
        var card = orderId is not null ? new OrderCard(orderId)
            : itemId is not null ? new OrderCard(ProductUrl: $"https://www.aliexpress.com/item/{itemId}.html") : null;
        return new MarketplaceMessage(
            messageId,
            session.BuyerId,
            ConversationKind.Chat,
            fromBuyer ? MarketplaceAuthor.Buyer : MarketplaceAuthor.Seller,
            session.BuyerId,
            session.BuyerName ?? session.BuyerLoginId,
            text,
            string.IsNullOrWhiteSpace(image) ? [] : [image],
            sentAt,
            card);
    }

    private static JsonDocument? TryJson(string raw)
    {
        if (!raw.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(raw);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
