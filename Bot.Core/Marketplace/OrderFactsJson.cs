using System.Text.Json;

namespace Bot.Core.Marketplace;

/// <summary>Order facts as stored with the order card (JSON), so what the card last showed can be read again without
/// asking the marketplace.</summary>
public static class OrderFactsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(OrderFacts facts) => JsonSerializer.Serialize(facts, Options);

    /// <summary>The stored facts, or null when none are stored or they cannot be read.</summary>
    public static OrderFacts? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<OrderFacts>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
