using System.Security.Cryptography;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>An idle bridge (polling the marketplace and Telegram, nothing new on either) leaves its database alone.
/// The check reads the SQLite file and its log, so the bridge stays on a file whatever database the run puts bridges on.</summary>
[Harness.RunsLong]
public sealed class IdleEndToEndTests : StaffGroupTests
{
    private readonly string database = Path.Combine(Directory.CreateTempSubdirectory("bridge-idle-").FullName, "bridge.db");

    protected override Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync(OnFile(database));

    // No daily digest: a buyer still waits in these tests, so a first sweep after the digest time would send one (and
    // write its day) inside the watched window on some hours of the day and not on others.
    private static Dictionary<string, string?> OnFile(string path, IDictionary<string, string?>? settings = null) =>
        new(settings ?? new Dictionary<string, string?>()) { ["ConnectionStrings:Bridge"] = $"Data Source={path}", ["Workflow:DigestAt"] = "" };

    [Fact]
    public async Task IdlePolling_WritesNothingToTheDatabase()
    {
        Marketplace.AddBuyerMessage("90001", "Hello, is this in stock?");
        await Rig.TopicOfAsync("90001");
        // The buyer's message under its card, and with it every write the message caused.
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("in stock", StringComparison.Ordinal) == true), Timeout);
        // The card's row is stored after its send, and its first refresh follows on the refresher's own timer: writes
        // the message caused, once each, not repeating ones.
        await Eventually.TrueAsync(() => RefreshedCards(database) == 1, Timeout);
        var settled = Marketplace.FetchCount;
        await Eventually.TrueAsync(() => Marketplace.FetchCount >= settled + 2, Timeout);
        Assert.True(File.Exists(database), "the bridge writes to the file the check reads");
        var before = Snapshot(database);
        var rows = Rows(database);
        var polls = Marketplace.FetchCount;

        await Eventually.TrueAsync(() => Marketplace.FetchCount >= polls + 3, Timeout);

        Assert.True(before == Snapshot(database), $"Idle polling wrote to the database; rows changed: {Changed(rows, Rows(database))}");
    }

    /// <summary>The hourly pruning, with nothing old enough to delete, leaves the file alone too: an idle bridge prunes
    /// every hour, and each pass of the pruner is a look at every kind of settled row.</summary>
    [Fact]
    public async Task PruningWithNothingToDelete_WritesNothingToTheDatabase()
    {
        Marketplace.AddBuyerMessage("90002", "Hello, do you ship to Lisbon?");
        await Rig.TopicOfAsync("90002");
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("Lisbon", StringComparison.Ordinal) == true), Timeout);
        await Eventually.TrueAsync(() => RefreshedCards(database) == 1, Timeout);
        var settled = Marketplace.FetchCount;
        await Eventually.TrueAsync(() => Marketplace.FetchCount >= settled + 2, Timeout);
        var pruner = Bridge.Get<Bot.Core.Retention.DatabasePruner>();
        var before = Snapshot(database);

        foreach (var target in Bridge.Get<IEnumerable<Bot.Core.Retention.IRetentionTarget>>())
        {
            Assert.Equal(0, await target.PruneAsync(DateTimeOffset.UtcNow.AddDays(-1), Bot.Core.Retention.DatabasePruner.BatchSize, CancellationToken.None));
            Assert.True(before == Snapshot(database), $"Pruning {target.What} with nothing to delete wrote to the database.");
        }

        Assert.Equal(0, (await pruner.PruneAsync(CancellationToken.None)).Total);
        Assert.Equal(before, Snapshot(database));
    }

    /// <summary>AliExpress's window follows the clock, so every poll moves its cursor: an idle one still writes nothing.</summary>
    [Fact]
    public async Task IdlePolling_OfAliExpress_WritesNothingToTheDatabase()
    {
        const string List = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("bridge-idle-").FullName, "bridge.db");
        await using var bridge = await BridgeHost.StartAsync(telegram, null, OnFile(file, AliExpressEndToEndTests.Settings(aliexpress)));
        aliexpress.AddBuyerMessage("3001234567890", "buyer_ana", "Ana", "Is it in stock?");
        await Eventually.TrueAsync(() => telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("in stock", StringComparison.Ordinal) == true), Timeout);
        // The message makes the conversation active: its order card is read once and stored after it. The store is
        // waited for, not the read: on a loaded machine the row was written after two more polls, inside the window.
        await Eventually.TrueAsync(() => aliexpress.CallCount("aliexpress.trade.new.redefining.findorderbyid") > 0, Timeout);
        await Eventually.TrueAsync(() => RefreshedCards(file) == 1, Timeout);
        var settled = aliexpress.CallCount(List);
        await Eventually.TrueAsync(() => aliexpress.CallCount(List) >= settled + 2, Timeout);
        Assert.True(File.Exists(file), "the bridge writes to the file the check reads");
        var before = Snapshot(file);
        var rows = Rows(file);
        var polls = aliexpress.CallCount(List);

        await Eventually.TrueAsync(() => aliexpress.CallCount(List) >= polls + 3, Timeout);

        Assert.True(before == Snapshot(file), $"Idle polling of AliExpress wrote to the database; rows changed: {Changed(rows, Rows(file))}");
    }

    /// <summary>Order cards refreshed at least once, read on a read-only connection (a reader leaves the file and its
    /// log alone).</summary>
    private static long RefreshedCards(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM order_cards WHERE refreshed_at IS NOT NULL";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every row of every table, as text, to name what a write changed.</summary>
    private static HashSet<string> Rows(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new HashSet<string>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    }

    private static string Changed(HashSet<string> before, HashSet<string> after) =>
        string.Join("; ", before.Except(after).Select(r => "was " + r).Concat(after.Except(before).Select(r => "now " + r)).DefaultIfEmpty("none (a page rewritten with the same rows)"));

    /// <summary>The database file and its write-ahead log (every committed write lands in the log first); the shared
    /// memory index is left out, readers touch it too.</summary>
    private static string Snapshot(string database) => string.Join(" ", new[] { database, database + "-wal" }.Select(Hash));

    private static string Hash(string path)
    {
        if (!File.Exists(path))
        {
            return "none";
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return $"{file.Length}:{Convert.ToHexString(SHA256.HashData(file))}";
    }
}
