namespace Bot.Stores;

/// <summary>The log messages of the shared poll.</summary>
internal sealed partial class SharedBot
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Store {Store} joined the poll of bot {BotId} ({Count} members).")]
    private partial void LogJoined(string store, long botId, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Store {Store} left the poll of bot {BotId} ({Count} members).")]
    private partial void LogLeft(string store, long botId, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The poll of bot {BotId} ended.")]
    private partial void LogLoopEnded(long botId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled bot {BotId} from offset {Offset}: {Count} updates.")]
    private partial void LogPolled(long botId, int offset, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling bot {BotId} for the stores of this process that use it, with the settings of store {Store}.")]
    private partial void LogPolling(long botId, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId} of bot {BotId} is held: {Reason}; it comes again with the next poll.")]
    private partial void LogHeld(int? updateId, long botId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} of bot {BotId} could not be handed to {Store}; it is held and comes again with the next poll.")]
    private partial void LogHeldAfterError(Exception error, int? updateId, long botId, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store {Store} could not store the update offset {Offset}; the other stores of the bot keep it.")]
    private partial void LogOffsetNotSaved(Exception error, string store, int offset);
}
