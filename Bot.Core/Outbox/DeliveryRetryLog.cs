using Bot.Core.Formatting;
using Bot.Core.Logging;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Outbox;

/// <summary>The log of deliveries being retried. While Telegram or the marketplace is down every due delivery fails
/// again and again: the first failure gets a line, then one summary a minute, then one line when deliveries succeed
/// again. Each failure, with its stack, is logged at Debug.</summary>
internal sealed partial class DeliveryRetryLog(TimeProvider time, ILogger logger)
{
    private readonly FailureSeries series = new(time);

    public void Retrying(Exception error, OutboxItem item, FailureKind kind, int attempts, TimeSpan delay)
    {
        LogRetry(error, item.Id, item.Kind, kind, attempts, delay);
        var tally = series.Failed();
        switch (tally.Line)
        {
            case FailureLine.First:
                LogFirst(item.Id, item.Kind, kind, FailureCause.Of(error), new ReadableDuration(delay));
                break;
            case FailureLine.Summary:
                LogStillFailing(tally.Count, new ReadableDuration(tally.Span), kind, FailureCause.Of(error));
                break;
        }
    }

    public void Delivered()
    {
        if (series.Succeeded() is { } ended)
        {
            LogRecovered(ended.Count, new ReadableDuration(ended.Span));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {OutboxId} ({Kind}) failed ({FailureKind}), attempt {Attempts}; retrying in {Delay}")]
    private partial void LogRetry(Exception error, long outboxId, string kind, FailureKind failureKind, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {OutboxId} ({Kind}) failed ({FailureKind}: {Cause}); retrying in {Delay}")]
    private partial void LogFirst(long outboxId, string kind, FailureKind failureKind, string cause, ReadableDuration delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deliveries still failing: {Failures} more failed attempts in the last {Span} (latest {FailureKind}: {Cause})")]
    private partial void LogStillFailing(int failures, ReadableDuration span, FailureKind failureKind, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deliveries succeed again after {Failures} failed attempts in {Span}")]
    private partial void LogRecovered(int failures, ReadableDuration span);
}
