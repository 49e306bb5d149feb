using System.Globalization;
using System.Text.Json;
using Bot.Core.Conversations;

namespace Bot.Marketplace.Wildberries;

/// <summary>The conversation's card from a chat's <c>goodCard</c>: <c>rid</c> is the order (the <c>srid</c> of WB's order
/// reports), <c>nmID</c> the article, with its size and price.</summary>
internal static class WildberriesCard
{
    public static OrderCard? From(JsonElement parent)
    {
        if (!parent.TryGetProperty("goodCard", out var card) || card.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var rid = WildberriesJson.Str(card, "rid");
        var article = card.TryGetProperty("nmID", out var nm) && nm.TryGetInt64(out var id) && id > 0 ? id.ToString(CultureInfo.InvariantCulture) : null;
        var size = WildberriesJson.Str(card, "size");
        var price = card.TryGetProperty("price", out var p) && p.TryGetDecimal(out var amount) && amount > 0
            ? $"{amount.ToString("0.##", CultureInfo.InvariantCulture)} {WildberriesJson.Str(card, "priceCurrency") ?? ""}".TrimEnd()
            : null;
        if (rid is null && article is null)
        {
            return null;
        }

        var details = string.Join(", ", new[] { size is { Length: > 0 } ? $"size {size}" : null, price }.Where(s => s is not null));
        return new OrderCard(
            OrderId: rid,
            ProductName: article is null ? null : $"Article {article}" + (details.Length > 0 ? $" ({details})" : ""),
            ProductUrl: article is null ? null : $"https://www.wildberries.ru/catalog/{article}/detail.aspx");
    }
}
