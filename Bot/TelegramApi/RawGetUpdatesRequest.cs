using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace Bot.TelegramApi;

/// <summary>getUpdates sent through the client library (same HttpClient, token handling, errors: ApiRequestException
/// with error_code, description and retry_after), but with the result left as raw JSON, so that one update the library
/// cannot decode does not fail the whole batch (<see cref="RawUpdate"/> decodes them one by one).</summary>
internal sealed class RawGetUpdatesRequest(int? offset, int limit, int timeout, IReadOnlyList<UpdateType> allowedUpdates)
    : RequestBase<JsonElement>("getUpdates")
{
    [JsonPropertyName("offset")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Offset { get; } = offset;

    [JsonPropertyName("limit")]
    public int Limit { get; } = limit;

    [JsonPropertyName("timeout")]
    public int Timeout { get; } = timeout;

    [JsonPropertyName("allowed_updates")]
    public IReadOnlyList<UpdateType> AllowedUpdates { get; } = allowedUpdates;
}
