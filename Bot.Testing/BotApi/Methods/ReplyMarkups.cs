using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Testing.BotApi.Methods;

/// <summary>Reads reply_markup and rejects callback_data over 64 bytes, as Telegram does.</summary>
internal static class ReplyMarkups
{
    private const int MaxCallbackDataBytes = 64;

    public static JsonNode? Read(BotApiRequest request)
    {
        var markup = request.Json("reply_markup");
        var buttons = (markup?["inline_keyboard"] as JsonArray)?.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>()) ?? [];
        foreach (var button in buttons)
        {
            if (button["callback_data"]?.GetValue<string>() is string data
                && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > MaxCallbackDataBytes))
            {
                throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
            }
        }

        return markup;
    }
}
