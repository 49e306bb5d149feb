using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bot.Logging;

/// <summary>One line per event: an ISO 8601 UTC timestamp, the level, the category and the message, formatted with the
/// invariant culture whatever the machine's locale. An exception adds its type and message to the line; its stack
/// only when <see cref="BridgeLogFormatterOptions.IncludeStackTraces"/> is on (log level Debug). A named store
/// (<see cref="BridgeLogFormatterOptions.Store"/>) appears after the level as "[shop-a]".</summary>
internal sealed class BridgeLogFormatter(IOptionsMonitor<BridgeLogFormatterOptions> options, TimeProvider clock) : ConsoleFormatter(Name)
{
    public new const string Name = "bridge";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var culture = CultureInfo.CurrentCulture;
        string message;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            message = logEntry.Formatter(logEntry.State, null);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        var line = new StringBuilder(128)
            .Append(clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(Level(logEntry.LogLevel))
            .Append(settings.Store.Length > 0 ? " [" + settings.Store + "]" : "")
            .Append(' ').Append(logEntry.Category).Append(": ")
            .Append(OneLine(message));
        if (settings.IncludeScopes && scopeProvider is not null)
        {
            scopeProvider.ForEachScope((scope, builder) => builder.Append(" [").Append(OneLine(Scope(scope))).Append(']'), line);
        }

        if (logEntry.Exception is { } error)
        {
            line.Append(" (").Append(error.GetType().Name).Append(": ").Append(OneLine(Innermost(error))).Append(')');
        }

        textWriter.WriteLine(line.ToString());
        if (settings.IncludeStackTraces && logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }

    /// <summary>A scope of named values (a delivery's OutboxId, ConversationId...) as "OutboxId=7, ConversationId=3".</summary>
    private static string Scope(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> values
        ? string.Join(", ", values.Where(v => v.Key != "{OriginalFormat}").Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value}")))
        : Convert.ToString(scope, CultureInfo.InvariantCulture) ?? "";

    private static string Innermost(Exception error)
    {
        var message = error.Message;
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = inner.Message;
        }

        return error.InnerException is null ? message : $"{error.Message.TrimEnd('.')}: {message}";
    }

    private static string OneLine(string text) => text.Contains('\n', StringComparison.Ordinal)
        ? string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        : text;

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
