using Bot.Core.Leases;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Core.Postgres;

/// <summary>The bots of a deployment in <c>public.bridge_bots</c>, outside every store's schema so all stores see it:
/// one row per bot, the store that holds it and until when (the server's clock, the same for every instance). A store
/// takes a bot that is free or whose hold ran out. The stores of one process that share a bot hold it together, under
/// the process's instance (<c>process:...</c>) and the names of all of them (<c>shop-a+shop-b</c>): the process may
/// rename its hold as stores join and leave, and no other process matches it, not even one with the same stores (the
/// instances of one store share its hold, but a bot shared by stores is one process's). On SQLite (a file per store) there is nothing to share: every claim
/// is granted.</summary>
internal sealed class PostgresBotRegistry(IOptions<StorageOptions> storage, PostgresConnectionFactory connections) : IBotRegistry
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS public.bridge_bots (
            bot_id     BIGINT PRIMARY KEY,
            store      TEXT NOT NULL,
            instance   TEXT NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL)
        """;

    private const string Claim = """
        INSERT INTO public.bridge_bots (bot_id, store, instance, expires_at)
        VALUES (@bot, @store, @instance, now() + make_interval(secs => @seconds))
        ON CONFLICT (bot_id) DO UPDATE SET store = EXCLUDED.store, instance = EXCLUDED.instance, expires_at = EXCLUDED.expires_at
        WHERE (bridge_bots.store = EXCLUDED.store AND strpos(EXCLUDED.store, '+') = 0)
           OR bridge_bots.expires_at < now()
           OR (bridge_bots.instance = EXCLUDED.instance AND EXCLUDED.instance LIKE 'process:%')
        RETURNING store
        """;

    private const string Holder = "SELECT store FROM public.bridge_bots WHERE bot_id = @bot";

    // 42P07: the table exists; 23505: two instances made it at once (the catalog's unique index).
    private static readonly string[] AlreadyMade = ["42P07", "23505"];

    private bool tableReady;

    public async Task<string?> ClaimAsync(long botId, string store, string instance, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        if (!storage.Value.UsesPostgres)
        {
            return null;
        }

        await using var wrapped = (DialectConnection)await connections.OpenAsync(cancellationToken);
        var connection = wrapped.Inner;
        if (!tableReady)
        {
            await MakeTableAsync(connection, cancellationToken);
            tableReady = true;
        }

        await using var claim = new NpgsqlCommand(Claim, connection);
        claim.Parameters.AddWithValue("bot", botId);
        claim.Parameters.AddWithValue("store", store);
        claim.Parameters.AddWithValue("instance", instance);
        claim.Parameters.AddWithValue("seconds", leaseTime.TotalSeconds);
        if (await claim.ExecuteScalarAsync(cancellationToken) is string)
        {
            return null;
        }

        await using var holder = new NpgsqlCommand(Holder, connection);
        holder.Parameters.AddWithValue("bot", botId);
        return await holder.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task MakeTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var create = new NpgsqlCommand(Table, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (AlreadyMade.Contains(e.SqlState))
        {
        }
    }
}
