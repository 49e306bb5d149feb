using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.Postgres;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 1b: the same relay end to end on PostgreSQL, with one and with three bridge instances sharing the
/// database (leases and delivery claims as shipped), beside SQLite in the same run, and bare inserts on the same
/// PostgreSQL server as its floor. Skipped, with a line saying why, where PostgreSQL is not installed.</summary>
public sealed class PostgresThroughputScenario(Report report)
{
    private const int Conversations = 1_000;
    private const int Messages = 5_000;
    private const int PageSize = 100;

    public async Task RunAsync()
    {
        report.BeginScenario($"1b. Relay throughput on PostgreSQL: {Messages:N0} buyer messages, {Conversations:N0} conversations, one and three instances, beside SQLite");
        if (PostgresBinaries.Missing is { } missing)
        {
            report.Add(new Figure("PostgreSQL throughput", "skipped", missing));
            return;
        }

        var server = await PostgresServer.SharedAsync();
        Report.Note($"PostgreSQL: a throw-away server started for this run in {PostgresServer.StartTime.TotalSeconds:N1} s (fsync off, synchronous_commit off: no durability, as SQLite's synchronous=NORMAL does not flush each commit either)");
        var serverCpu = new ServerProcessorTime(server.DataDirectory);

        // Warm-up: JIT of the PostgreSQL paths, the connection pools.
        await InstancesRun.RunAsync(await PostgresServer.CreateDatabaseAsync(), 1, 1_000, Conversations / 10, PageSize, serverCpu);
        var sqliteFile = Path.Combine(Directory.CreateTempSubdirectory("bridge-throughput-pg-").FullName, "bridge.db");
        await ThroughputScenario.EndToEndAsync(1_000, Conversations / 10, sqliteFile);
        var (sqlite, sqliteCpu, _, _) = await ThroughputScenario.EndToEndAsync(Messages, Conversations, sqliteFile);
        Directory.Delete(Path.GetDirectoryName(sqliteFile)!, recursive: true);

        var bareDatabase = await PostgresServer.CreateEmptyDatabaseAsync();
        await PostgresBareInserts.MeasureAsync(bareDatabase, 1_000, PageSize, Conversations);
        var (before, serverBefore) = (ThroughputScenario.Cpu(), serverCpu.Micros());
        var bare = await PostgresBareInserts.MeasureAsync(bareDatabase, Messages, PageSize, Conversations);
        var (bareCpu, bareServerCpu) = ((ThroughputScenario.Cpu() - before) / Messages, (serverCpu.Micros() - serverBefore) / Messages);

        var (one, oneCpu, oneServerCpu) = await InstancesRun.RunAsync(await PostgresServer.CreateDatabaseAsync(), 1, Messages, Conversations, PageSize, serverCpu);
        var (three, threeCpu, threeServerCpu) = await InstancesRun.RunAsync(await PostgresServer.CreateDatabaseAsync(), 3, Messages, Conversations, PageSize, serverCpu);

        const string Checked = "every message posted exactly once, one topic per conversation, order kept in each conversation";
        report.Add(new Figure("End to end on SQLite (as scenario 1, same run)", Report.Rate(sqlite), $"processor time per message {Report.Micros(sqliteCpu)}; {Checked}"));
        report.Add(new Figure("Bare PostgreSQL inserts (1 row/message, 1 transaction per 100, same server)", Report.Rate(bare), $"the floor; processor time per message {Cpu(bareCpu, bareServerCpu)}"));
        report.Add(new Figure("End to end on PostgreSQL, one instance", Report.Rate(one), $"ratio to bare inserts {bare / one:N1}x; processor time per message {Cpu(oneCpu, oneServerCpu)}; {Checked}"));
        report.Add(new Figure("End to end on PostgreSQL, three instances on one database", Report.Rate(three), $"{three / one:N2}x one instance; processor time per message {Cpu(threeCpu, threeServerCpu)}; {Checked}"));
    }

    private static string Cpu(double process, double server) =>
        $"{Report.Micros(process + server)} ({Report.Micros(process)} in the bridge, {Report.Micros(server)} in the server)";
}
