using Bot.Core.Formatting;
using Bot.Core.Logging;

namespace Bot.TelegramApi;

/// <summary>The log of failed getUpdates polls. While Telegram is unreachable every poll fails: the first failure gets
/// a line, then one summary a minute, then one line when polling works again. Each failure, with its stack, is logged
/// at Debug.</summary>
internal sealed partial class GetUpdatesFailureLog(TimeProvider time, ILogger logger)
{
    private readonly FailureSeries failures = new(time);

    public void Failed(Exception error, TimeSpan delay)
    {
        LogPollFailed(error);
        var tally = failures.Failed();
        switch (tally.Line)
        {
            case FailureLine.First:
                LogFirstFailure(FailureCause.Of(error), new ReadableDuration(delay));
                break;
            case FailureLine.Summary:
                LogStillFailing(FailureCause.Of(error), tally.Count, new ReadableDuration(tally.Span));
                break;
        }
    }

    public void Succeeded()
    {
        if (failures.Succeeded() is { } ended)
        {
            LogRecovered(ended.Count, new ReadableDuration(ended.Span));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "getUpdates failed")]
    private partial void LogPollFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed ({Cause}); trying again in {Delay}")]
    private partial void LogFirstFailure(string cause, ReadableDuration delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates still failing ({Cause}): {Failures} more failures in the last {Span}")]
    private partial void LogStillFailing(string cause, int failures, ReadableDuration span);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram getUpdates works again after {Failures} failures in {Span}")]
    private partial void LogRecovered(int failures, ReadableDuration span);
}
