namespace Bot.Testing.BotApi;

public sealed partial class FakeTelegramServer
{
    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> fail with this error and have no effect.</summary>
    public void FailNext(string method, int count, int errorCode, string description, int? retryAfter = null) =>
        _failures.Plan(method, new InjectedFailure(InjectedFailureKind.Error, errorCode, description, retryAfter), count);

    /// <summary>
    /// The next call of <paramref name="method"/> is handled only after <paramref name="delay"/> (real time). It then
    /// takes effect even if the client has timed out meanwhile, as a slow Telegram would: a timeout is not a failure.
    /// </summary>
    public void DelayNext(string method, TimeSpan delay) =>
        _failures.Plan(method, new InjectedFailure(InjectedFailureKind.Delay, Delay: delay));

    /// <summary>The next call of <paramref name="method"/> has its connection aborted without a reply, and no effect.</summary>
    public void FailNextNetwork(string method) =>
        _failures.Plan(method, new InjectedFailure(InjectedFailureKind.NetworkAbort));

    /// <summary>
    /// The next call of <paramref name="method"/> gets this raw HTTP reply, e.g. the HTML page a proxy in front of
    /// Telegram serves with a 502, which is not a Bot API error object. No effect.
    /// </summary>
    public void FailNextHttp(string method, int statusCode, string body) =>
        _failures.Plan(method, new InjectedFailure(InjectedFailureKind.RawHttp, statusCode, body));

    /// <summary>Every later call aimed at <paramref name="chatId"/> (any method) fails with this error and has no effect,
    /// e.g. 403 "Forbidden: bot was kicked from the supergroup chat", until <see cref="ClearFailures"/>.</summary>
    public void RefuseChat(long chatId, int errorCode, string description) =>
        _failures.RefuseChat(chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), new InjectedFailure(InjectedFailureKind.Error, errorCode, description));

    /// <summary>Drops every failure still planned and every refused chat: the outage ends now.</summary>
    public void ClearFailures() => _failures.Clear();
}
