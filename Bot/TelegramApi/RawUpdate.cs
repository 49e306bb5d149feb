using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.TelegramApi;

/// <summary>One element of a getUpdates result, decoded on its own: either the library's <see cref="Update"/>, or the
/// raw JSON with the reason it could not be decoded (an unexpected shape, a field of the wrong type, a lone surrogate, a
/// number out of range). <see cref="Id"/> is the update_id when it can be read, even from an undecodable update.</summary>
internal sealed record RawUpdate(int? Id, Update? Update, string Json, Exception? Error)
{
    /// <summary>The elements of a getUpdates result, in order.</summary>
    public static IEnumerable<RawUpdate> Split(JsonElement result) =>
        result.ValueKind == JsonValueKind.Array
            ? result.EnumerateArray().Select(Decode)
            : throw new JsonException($"getUpdates returned a {result.ValueKind} instead of an array.");

    public static RawUpdate Decode(JsonElement element)
    {
        var json = element.GetRawText();
        try
        {
            var update = element.Deserialize<Update>(JsonBotAPI.Options) ?? throw new JsonException("The update is null.");
            return new RawUpdate(update.Id, update, json, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new RawUpdate(ReadId(element), null, json, e);
        }
    }

    private static int? ReadId(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("update_id", out var id)
        && id.ValueKind == JsonValueKind.Number
        && id.TryGetInt32(out var value)
            ? value
            : null;
}
