using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bot.Testing.BotApi.Json;

/// <summary>Bot API wire format: snake_case, nulls left out, dates as unix seconds.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    public static long UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static string Ok(JsonNode? result) => new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString();

    public static string Error(int code, string description, int? retryAfter)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is int seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return body.ToJsonString();
    }
}
