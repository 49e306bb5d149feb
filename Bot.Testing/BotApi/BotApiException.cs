namespace Bot.Testing.BotApi;

/// <summary>An error reply of the fake Bot API; the HTTP status equals the error code.</summary>
internal sealed class BotApiException(int errorCode, string description, int? retryAfter = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public int? RetryAfter { get; } = retryAfter;

    public static BotApiException BadRequest(string detail) => new(400, "Bad Request: " + detail);
}
