using Bot.Core.Operations;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.Hosting;
using Xunit.Abstractions;

namespace Bot.Tests.Fuzz;

/// <summary>What a fuzz run left behind: the counts, the queues, and what was logged, grouped.</summary>
internal static class FuzzReport
{
    public static async Task WriteAsync(ITestOutputHelper output, BridgeHost bridge, IReadOnlyList<CapturedLogs.Entry> logged, int updates, int payloads, Func<CapturedLogs.Entry, bool> isUnhandled)
    {
        output.WriteLine($"Counts: {updates} updates, {payloads} payloads, {logged.Count(e => e.Exception is not null)} exceptions logged "
            + $"(all handled but {logged.Count(isUnhandled)}), {logged.Count} warnings or errors");
        var status = await bridge.Get<StatusReader>().ReadAsync(CancellationToken.None);
        output.WriteLine($"Outbox: {status.Outbox.Pending} pending, {status.Outbox.Dead} dead; marketplace ok: {status.Marketplace.Ok}; telegram ok: {status.Telegram.Ok}");
        var pending = await bridge.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 5000, CancellationToken.None);
        output.WriteLine("Pending by kind: " + string.Join(", ", pending.GroupBy(p => p.Kind).Select(g => $"{g.Key} {g.Count()} in {g.Select(p => p.Lane).Distinct().Count()} lanes")));
        foreach (var group in logged.GroupBy(e => (e.Category, e.Level, Type: e.Exception?.GetType().Name)).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Count(),6} {group.Key.Level} {group.Key.Category} {group.Key.Type}: {Shorten(group.First().Message)} {Shorten(group.First().Exception?.Message ?? "")}");
        }
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
