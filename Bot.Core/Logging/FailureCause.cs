namespace Bot.Core.Logging;

/// <summary>An exception as a short cause for a log line: the innermost message (an HTTP failure's, where there is one) ("Connection refused (127.0.0.1:9)"),
/// with secrets masked.</summary>
public static class FailureCause
{
    public static string Of(Exception error)
    {
        // An HTTP failure's own message names the address ("Connection refused (127.0.0.1:9)"); the socket error under it does not.
        var cause = error;
        while (cause is not HttpRequestException && cause.InnerException is { } inner)
        {
            cause = inner;
        }

        return Secrets.Redact(cause.Message.Trim().TrimEnd('.'));
    }
}
