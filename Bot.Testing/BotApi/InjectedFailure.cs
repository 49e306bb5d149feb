namespace Bot.Testing.BotApi;

internal enum InjectedFailureKind
{
    Error,
    Delay,
    NetworkAbort,
    RawHttp,
}

internal sealed record InjectedFailure(InjectedFailureKind Kind, int ErrorCode = 0, string Description = "", int? RetryAfter = null, TimeSpan Delay = default);
