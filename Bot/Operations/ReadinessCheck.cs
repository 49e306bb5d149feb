using Bot.Core.Logging;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Operations;

/// <summary>What /readyz answers: the database runs a query, Telegram answered recently, the marketplace was polled
/// within the bound (or polling is paused by an operator), and the staff chat is usable. A part that needs an
/// operator (a refused token or account) fails its check at once, not after the bound.</summary>
internal sealed partial class ReadinessCheck(
    ICursorRepository cursors,
    BridgeHealth health,
    TimeProvider time,
    IOptions<OperationsOptions> options,
    ILogger<ReadinessCheck> logger)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var checks = new List<CheckResult> { await DatabaseAsync(o.ReadyDatabaseTimeout, cancellationToken) };

        var telegram = health.Telegram;
        checks.Add(telegram.NeedsOperator
            ? new CheckResult("telegram", false, $"{AlertRules.TokenRefused}{Error(telegram.LastError)}")
            : telegram.LastSuccess is { } answered && now - answered <= o.ReadyMaxTelegramSilence
            ? new CheckResult("telegram", true, $"last answer {Seconds(now - answered)} ago")
            : new CheckResult("telegram", false, telegram.LastSuccess is null
                ? $"no answer yet{Error(telegram.LastError)}"
                : $"no answer for {Seconds(now - telegram.LastSuccess.Value)}{Error(telegram.LastError)}"));

        var marketplace = health.Marketplace;
        // A refused account fails at once (even while paused): waiting for the poll age cannot fix it.
        checks.Add(marketplace.NeedsOperator
            ? new CheckResult("marketplace", false, $"the marketplace refuses the account, polling has stopped (needs an operator){Error(marketplace.LastError)}")
            : health.Paused
            ? new CheckResult("marketplace", true, "paused by an operator")
            : marketplace.LastSuccess is { } polled && now - polled <= o.ReadyMaxPollAge
                ? new CheckResult("marketplace", true, $"last poll {Seconds(now - polled)} ago")
                : new CheckResult("marketplace", false, marketplace.LastSuccess is null
                    ? $"no successful poll yet{Error(marketplace.LastError)}"
                    : $"no successful poll for {Seconds(now - marketplace.LastSuccess.Value)}{Error(marketplace.LastError)}"));

        var staff = health.StaffChat;
        checks.Add(new CheckResult("staff_chat", staff.Ok, staff.Ok ? "usable" : staff.LastError is null ? "not checked yet" : Secrets.Redact(staff.LastError)));
        return new ReadinessReport(checks.TrueForAll(c => c.Ok), health.Paused, checks);
    }

    private async Task<CheckResult> DatabaseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await cursors.CountAsync(cts.Token);
            return new CheckResult("database", true, "query ok");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDatabaseFailed(e);
            return new CheckResult("database", false, Secrets.Redact(e.Message));
        }
    }

    private static string Seconds(TimeSpan span) => Bot.Core.Formatting.Durations.Format(span);

    private static string Error(string? error) => error is null ? "" : $": {Secrets.Redact(error)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: the database check failed")]
    private partial void LogDatabaseFailed(Exception error);
}
