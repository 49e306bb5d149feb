namespace Bot.Testing.BotApi;

/// <summary>The visible text of an HTML message, or why Telegram would reject it.</summary>
internal sealed record HtmlParseResult(string? PlainText, string? Error)
{
    public static HtmlParseResult Success(string plainText) => new(plainText, null);

    public static HtmlParseResult Failure(string error) => new(null, error);
}
