using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Storage;

/// <summary>The SQLite connections kept open with their statements prepared run each statement with its own parameters,
/// also when the same statement runs again while its first run is still being read, and for the writer between turns.</summary>
public sealed class StatementCacheTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    private IDbConnectionFactory Connections => harness.Get<IDbConnectionFactory>();

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task SameStatementRunAgain_TakesItsNewParameters_OnAReaderGivenBackAndTakenAgain()
    {
        for (var value = 1; value <= 3; value++)
        {
            await using var connection = await Connections.OpenAsync(CancellationToken.None);
            Assert.Equal(value, await connection.ExecuteScalarAsync<long>("SELECT @value", new { value }));
            Assert.Equal(value * 10, await connection.ExecuteScalarAsync<long>("SELECT @value", new { value = value * 10 }));
        }
    }

    [Fact]
    public async Task SameStatementRunWhileItIsStillRead_RunsOnItsOwn()
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        const string Numbers = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < @top) SELECT x FROM n";

        var pairs = new List<(long, long)>();
        foreach (var outer in connection.Query<long>(Numbers, new { top = 3 }, buffered: false))
        {
            pairs.Add((outer, (await connection.QueryAsync<long>(Numbers, new { top = outer })).Sum()));
        }

        Assert.Equal([(1L, 1L), (2L, 3L), (3L, 6L)], pairs);
    }

    [Fact]
    public async Task WritersTurns_WriteWithTheirOwnParameters_AndRollBackWhatTheyDidNotCommit()
    {
        await WriteAsync("kept", commit: true);
        await WriteAsync("dropped", commit: false);
        await WriteAsync("kept too", commit: true);

        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(["kept", "kept too"], await connection.QueryAsync<string>("SELECT value FROM cursors WHERE name LIKE 'probe-%' ORDER BY name"));
    }

    [Fact]
    public async Task ReaderGivenBackAfterALookup_SeesWhatIsCommittedAfterwards()
    {
        const string Lookup = "SELECT value FROM cursors WHERE name = @name";
        for (var round = 0; round < 3; round++)
        {
            var name = $"probe-later {round}";
            await using (var before = await Connections.OpenAsync(CancellationToken.None))
            {
                Assert.Null(await before.QueryFirstOrDefaultAsync<string>(Lookup, new { name }));
                Assert.Null(await before.ExecuteScalarAsync<string>(Lookup, new { name }));
            }

            await WriteAsync($"later {round}", commit: true);

            await using var after = await Connections.OpenAsync(CancellationToken.None);
            Assert.Equal($"later {round}", await after.QueryFirstOrDefaultAsync<string>(Lookup, new { name }));
        }
    }

    private async Task WriteAsync(string value, bool commit)
    {
        await using var session = await DbSession.BeginAsync(Connections, CancellationToken.None);
        await session.Connection.ExecuteAsync(
            "INSERT INTO cursors (name, value, updated_at) VALUES (@name, @value, '2026-12-01')", new { name = "probe-" + value, value }, session.Transaction);
        if (commit)
        {
            await session.CommitAsync(CancellationToken.None);
        }
    }
}
