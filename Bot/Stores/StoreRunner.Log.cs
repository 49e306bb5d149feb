namespace Bot.Stores;

/// <summary>The log messages of a store's runner.</summary>
internal sealed partial class StoreRunner
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Store} started from {File}, listening on {Urls}.")]
    private partial void LogStarted(string store, string file, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Store} stops: {Reason}.")]
    private partial void LogStopping(string store, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Store} stopped.")]
    private partial void LogStopped(string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "Store {Store} does not run: {Problem}")]
    private partial void LogCannotRun(string store, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Store {Store} stopped by itself; the other stores run on.")]
    private partial void LogStoppedItself(string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store {Store} did not stop cleanly.")]
    private partial void LogStopFailed(Exception error, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "Store {Store} failed unexpectedly.")]
    private partial void LogUnexpected(Exception error, string store);
}
