using System.Text.Json.Nodes;

namespace Bot.Testing.BotApi;

/// <summary>One inline keyboard button of a sent message, rows flattened.</summary>
public sealed record SentButton(string Text, string? CallbackData, string? Url)
{
    internal static IReadOnlyList<SentButton> FromMarkup(JsonNode? markup)
    {
        if (markup?["inline_keyboard"] is not JsonArray rows)
        {
            return [];
        }

        return rows.OfType<JsonArray>()
            .SelectMany(row => row.OfType<JsonObject>())
            .Select(button => new SentButton(
                button["text"]?.GetValue<string>() ?? string.Empty,
                button["callback_data"]?.GetValue<string>(),
                button["url"]?.GetValue<string>()))
            .ToList();
    }
}
