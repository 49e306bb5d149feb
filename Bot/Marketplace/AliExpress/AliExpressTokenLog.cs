namespace Bot.Marketplace.AliExpress;

/// <summary>Log messages about the seller's authorization. Never a token or a code.</summary>
internal static partial class AliExpressTokenLog
{
    [LoggerMessage(LogLevel.Information, "AliExpress access token refreshed and stored")]
    public static partial void Refreshed(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "AliExpress token refresh failed ({Reason}); the current token stays in use, next try in {Retry}")]
    public static partial void RefreshFailed(ILogger logger, string reason, TimeSpan retry);

    [LoggerMessage(LogLevel.Error, "AliExpress refused to refresh the token ({Code}); the seller must authorize again (/connect)")]
    public static partial void RefreshRefused(ILogger logger, string? code);

    [LoggerMessage(LogLevel.Information, "AliExpress store connected; tokens stored")]
    public static partial void Connected(ILogger logger);
}
