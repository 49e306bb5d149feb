using System.Globalization;
using Bot.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Logging;

/// <summary>The console format: one line per event, ISO 8601 UTC, invariant culture, stacks only when asked for (Debug).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class BridgeLogFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Fact]
    public void Exception_AtInformationLevels_IsItsTypeAndMessage_OnTheEventsOwnLine()
    {
        var text = Write(new BridgeLogFormatterOptions(), LogLevel.Warning, "getUpdates failed", Thrown());

        Assert.Equal("2026-03-04T05:06:07.890Z warn Bot.TelegramApi.UpdateReceiver: getUpdates failed (HttpRequestException: Bot API down: Connection refused)\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void NamedStore_IsNamedAfterTheLevel_OnEveryLine()
    {
        var text = Write(new BridgeLogFormatterOptions { Store = "shop-a" }, LogLevel.Warning, "getUpdates failed", null);

        Assert.Equal("2026-03-04T05:06:07.890Z warn [shop-a] Bot.TelegramApi.UpdateReceiver: getUpdates failed\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Exception_WithStackTracesOn_AddsTheStack()
    {
        var text = Write(new BridgeLogFormatterOptions { IncludeStackTraces = true }, LogLevel.Warning, "getUpdates failed", Thrown());

        Assert.Contains("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_AreWrittenInTheInvariantCulture_WhateverTheMachinesLocale()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A German-style locale: the bridge runs without culture data (InvariantGlobalization), so no named culture
            // can be made, but a process's current culture may still be one with other separators.
            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = german;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the locale really differs
            var text = Write(new BridgeLogFormatterOptions(), LogLevel.Information, "", null, 1.5);

            Assert.Contains(": took 1.5 s", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Write(BridgeLogFormatterOptions options, LogLevel level, string message, Exception? error, double? seconds = null)
    {
        var formatter = new BridgeLogFormatter(new StaticOptions(options), new FakeTimeProvider(Now));
        using var output = new StringWriter();
        if (seconds is { } s)
        {
            var state = new FormattedState(s);
            formatter.Write(new LogEntry<FormattedState>(level, "Bot.Test", default, state, error, (st, _) => st.ToString()), null, output);
        }
        else
        {
            formatter.Write(new LogEntry<string>(level, "Bot.TelegramApi.UpdateReceiver", default, message, error, (m, _) => m), null, output);
        }

        return output.ToString();
    }

    private static HttpRequestException Thrown()
    {
        try
        {
            throw new HttpRequestException("Bot API down", new IOException("Connection refused"));
        }
        catch (HttpRequestException e)
        {
            return e;
        }
    }

    private sealed record FormattedState(double Seconds)
    {
        // Formats with the current culture, as a message template does.
        public override string ToString() => string.Format(CultureInfo.CurrentCulture, "took {0} s", Seconds);
    }

    private sealed class StaticOptions(BridgeLogFormatterOptions value) : IOptionsMonitor<BridgeLogFormatterOptions>
    {
        public BridgeLogFormatterOptions CurrentValue => value;

        public BridgeLogFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BridgeLogFormatterOptions, string?> listener) => null;
    }
}
