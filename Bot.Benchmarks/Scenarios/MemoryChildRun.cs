using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>One memory child (<see cref="MemoryHostChild"/>) and what it reported: conversations stored, ingest time,
/// resident set idle and holding them (with where it lies), managed heap, start-up time; holding them also after the
/// host's own give-back (<see cref="Bot.Core.Runtime.MemoryGiveBack"/>), and idle after the give-back the host runs
/// on its first idle poll.</summary>
public sealed record MemoryChildRun(long Stored, double Seconds, long Idle, long Loaded, long Peak, long Heap, int RateLimited, double ReadyMs,
    ProcessMemory IdleMemory, ProcessMemory LoadedMemory, ProcessMemory GivenBackMemory, ProcessMemory IdleGivenBackMemory)
{
    /// <summary>One host in a child process, against a fake Telegram of its own (budgets start empty).</summary>
    public static async Task<MemoryChildRun> RunAsync(int conversations, params string[] settings) => await RunAsync(conversations, null, settings);

    /// <param name="environment">Runtime settings (DOTNET_ variables) for the child only.</param>
    public static async Task<MemoryChildRun> RunAsync(int conversations, IReadOnlyDictionary<string, string>? environment, params string[] settings)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BenchCore.StaffChatId, "Staff");
        var run = await ChildRun.RunAsync(
            ["memory-child", telegram.BaseUrl, telegram.Token, conversations.ToString(CultureInfo.InvariantCulture), .. settings], MemoryHostChild.ResultPrefix, environment);
        Report.Note($"{conversations:N0} conversations{(settings.Length > 0 ? " (" + string.Join(", ", settings) + ")" : "")}: "
            + string.Join("; ", run.Output.Split('\n').Where(l => l.StartsWith("MEMORY-DETAIL ", StringComparison.Ordinal)).Select(l => l["MEMORY-DETAIL ".Length..].Trim())));
        var v = run.Figures;
        return new MemoryChildRun((long)v[0], v[1], (long)v[2], (long)v[3], (long)v[4], (long)v[5], telegram.RateLimitedCount, v[6],
            new ProcessMemory((long)v[2], 0, (long)v[13], (long)v[7], (long)v[8], (long)v[9]),
            new ProcessMemory((long)v[3], (long)v[4], (long)v[5], (long)v[10], (long)v[11], (long)v[12]),
            new ProcessMemory((long)v[14], 0, (long)v[18], (long)v[15], (long)v[16], (long)v[17]),
            new ProcessMemory((long)v[19], 0, (long)v[23], (long)v[20], (long)v[21], (long)v[22]));
    }
}
