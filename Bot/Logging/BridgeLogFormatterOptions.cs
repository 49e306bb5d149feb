using Microsoft.Extensions.Logging.Console;

namespace Bot.Logging;

/// <summary>Options of <see cref="BridgeLogFormatter"/> (Logging:Console:FormatterOptions).</summary>
public sealed class BridgeLogFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>Print an exception's stack trace under its line. Off unless the default log level is Debug or Trace:
    /// at Information and above an exception is its type and message on the event's own line.</summary>
    public bool IncludeStackTraces { get; set; }

    /// <summary>The named store (<c>Store__Id</c>) every line names after its level; empty for the default store.</summary>
    public string Store { get; set; } = "";
}
