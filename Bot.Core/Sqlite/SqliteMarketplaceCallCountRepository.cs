using System.Globalization;
using Bot.Core.Marketplace;
using Bot.Core.Storage;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IMarketplaceCallCountRepository"/> (table <c>marketplace_call_counts</c>, migration 0024).</summary>
internal sealed class SqliteMarketplaceCallCountRepository : IMarketplaceCallCountRepository
{
    private const string Select = "SELECT calls FROM marketplace_call_counts WHERE provider = @provider AND day = @day";

    private const string Upsert = """
        INSERT INTO marketplace_call_counts (provider, day, calls, saved_at) VALUES (@provider, @day, @calls, @now)
        ON CONFLICT (provider, day) DO UPDATE SET calls = excluded.calls, saved_at = excluded.saved_at
        """;

    private const string ForgetOtherDays = "DELETE FROM marketplace_call_counts WHERE provider = @provider AND day <> @day";

    // Read at start: a statement, so that a start never loads Dapper.
    private static readonly Statement SelectStatement = new(Select, "@provider", "@day");

    public async Task<long> GetAsync(DbSession session, string provider, DateOnly day) =>
        await SelectStatement.QueryFirstAsync(session, r => Statement.Int64OrNull(r, 0), null, provider, Day(day)) ?? 0;

    // Saved while the marketplace is polled and at stop: statements too.
    private static readonly Statement UpsertStatement = new(Upsert, "@provider", "@day", "@calls", "@now");

    private static readonly Statement ForgetOtherDaysStatement = new(ForgetOtherDays, "@provider", "@day");

    public async Task SaveAsync(DbSession session, string provider, DateOnly day, long calls, DateTimeOffset now)
    {
        await UpsertStatement.ExecuteAsync(session, provider, Day(day), calls, now);
        await ForgetOtherDaysStatement.ExecuteAsync(session, provider, Day(day));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
