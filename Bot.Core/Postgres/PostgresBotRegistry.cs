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
/// is granted.
/// A one-store holder's row also names the schema its data is in. A store that would take over a bot whose lapsed
/// holder's schema has conversations, on a schema of its own that has none, is refused (<see cref="BotStoreRenamedException"/>):
/// that is a store renamed without <c>Storage__Schema</c>, which would relay the marketplace's recent messages again.</summary>
internal sealed class PostgresBotRegistry(IOptions<StorageOptions> storage, PostgresConnectionFactory connections) : IBotRegistry
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS public.bridge_bots (
            bot_id     BIGINT PRIMARY KEY,
            store      TEXT NOT NULL,
            instance   TEXT NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL,
            data_schema TEXT)
        """;

    // A column added later: a table made before it gets it at the first claim (by its owner: a store whose user does
    // not own the table claims without it, unchecked).
    private const string HasSchemaColumn =
        "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'public.bridge_bots'::regclass AND attname = 'data_schema' AND NOT attisdropped)";

    private const string AddSchemaColumn = "ALTER TABLE public.bridge_bots ADD COLUMN IF NOT EXISTS data_schema TEXT";

    // Who may take the row: the same store (not a process of several), anyone once the hold ran out, and a process of
    // several stores that renames its own hold.
    private const string TakenWhen = """

        WHERE (bridge_bots.store = EXCLUDED.store AND strpos(EXCLUDED.store, '+') = 0)
           OR bridge_bots.expires_at < now()
           OR (bridge_bots.instance = EXCLUDED.instance AND EXCLUDED.instance LIKE 'process:%')
        RETURNING store
        """;

    private const string Claim = """
        INSERT INTO public.bridge_bots (bot_id, store, instance, expires_at, data_schema)
        VALUES (@bot, @store, @instance, now() + make_interval(secs => @seconds), CASE WHEN strpos(@store, '+') = 0 THEN current_schema() END)
        ON CONFLICT (bot_id) DO UPDATE SET store = EXCLUDED.store, instance = EXCLUDED.instance, expires_at = EXCLUDED.expires_at,
            data_schema = EXCLUDED.data_schema
        """ + TakenWhen;

    private const string ClaimWithoutSchema = """
        INSERT INTO public.bridge_bots (bot_id, store, instance, expires_at)
        VALUES (@bot, @store, @instance, now() + make_interval(secs => @seconds))
        ON CONFLICT (bot_id) DO UPDATE SET store = EXCLUDED.store, instance = EXCLUDED.instance, expires_at = EXCLUDED.expires_at
        """ + TakenWhen;

    private const string Holder = "SELECT store FROM public.bridge_bots WHERE bot_id = @bot";

    private const string Previous = "SELECT store, data_schema, expires_at < now(), current_schema() FROM public.bridge_bots WHERE bot_id = @bot";

    // 42P07: the table exists; 23505: two instances made it at once (the catalog's unique index).
    private static readonly string[] AlreadyMade = ["42P07", "23505"];

    private bool tableReady;
    private bool schemaColumn;
    private bool renameChecked;

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
            schemaColumn = await MakeTableAsync(connection, cancellationToken);
            tableReady = true;
        }

        if (!renameChecked && schemaColumn)
        {
            await RefuseRenameAsync(connection, botId, store, cancellationToken);
        }

        await using var claim = new NpgsqlCommand(schemaColumn ? Claim : ClaimWithoutSchema, connection);
        claim.Parameters.AddWithValue("bot", botId);
        claim.Parameters.AddWithValue("store", store);
        claim.Parameters.AddWithValue("instance", instance);
        claim.Parameters.AddWithValue("seconds", leaseTime.TotalSeconds);
        if (await claim.ExecuteScalarAsync(cancellationToken) is string)
        {
            renameChecked = true;
            return null;
        }

        await using var holder = new NpgsqlCommand(Holder, connection);
        holder.Parameters.AddWithValue("bot", botId);
        return await holder.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <returns>Whether the table has the data's schema column.</returns>
    private static async Task<bool> MakeTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var create = new NpgsqlCommand(Table, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (AlreadyMade.Contains(e.SqlState))
        {
        }

        await using (var has = new NpgsqlCommand(HasSchemaColumn, connection))
        {
            if (await has.ExecuteScalarAsync(cancellationToken) is true)
            {
                return true;
            }
        }

        try
        {
            await using var add = new NpgsqlCommand(AddSchemaColumn, connection);
            await add.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (AlreadyMade.Contains(e.SqlState) || e.SqlState == "42701")
        {
            return true; // 42701: another instance added the column between this one's check and its change
        }
        catch (PostgresException e) when (e.SqlState == "42501")
        {
            return false; // not the table's owner
        }
    }

    /// <summary>Throws <see cref="BotStoreRenamedException"/> when <paramref name="store"/> would take the bot over from
    /// a store whose hold lapsed, or would hold it beside its own instances, while the schema recorded for the bot has
    /// conversations and this store's schema has none. Another store's live hold is <see cref="BotTakenException"/>'s
    /// case; stores that share a bot in one process are not checked.</summary>
    private static async Task RefuseRenameAsync(NpgsqlConnection connection, long botId, string store, CancellationToken cancellationToken)
    {
        string previousStore, previousSchema, mine;
        await using (var previous = new NpgsqlCommand(Previous, connection))
        {
            previous.Parameters.AddWithValue("bot", botId);
            await using var row = await previous.ExecuteReaderAsync(cancellationToken);
            if (!await row.ReadAsync(cancellationToken) || row.IsDBNull(3))
            {
                return;
            }

            // A row from a release before the column names no schema: the holder's default one, as its name gives it.
            (previousStore, mine) = (row.GetString(0), row.GetString(3));
            previousSchema = row.IsDBNull(1) ? SchemaNamed(previousStore) : row.GetString(1);
            if (previousStore != store && !row.GetBoolean(2))
            {
                return; // another store holds the bot now: the claim is refused for that
            }
        }

        if (previousSchema == mine || store.Contains('+') || previousStore.Contains('+') ||
            !StorageOptions.IsSchemaName(previousSchema) || !StorageOptions.IsSchemaName(mine))
        {
            return;
        }

        if (await HasConversationsAsync(connection, previousSchema, cancellationToken) && !await HasConversationsAsync(connection, mine, cancellationToken))
        {
            throw new BotStoreRenamedException(store, mine, previousStore, previousSchema, botId);
        }
    }

    /// <summary>The schema a store uses when <c>Storage__Schema</c> is not set: the one named after it, the default
    /// store's being the connection's own (<c>public</c>).</summary>
    private static string SchemaNamed(string store) => StoreOptions.SchemaOf(store) is { Length: > 0 } named ? named : "public";

    /// <summary>Whether the schema's conversations table has a row: false when the schema has no such table, or when this
    /// store's user may not read it (a store with a user of its own cannot tell, and is not refused). The name was
    /// checked to be a plain lower-case identifier, so it needs no quoting.</summary>
    private static async Task<bool> HasConversationsAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        try
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {schema}.conversations)", connection);
            return await any.ExecuteScalarAsync(cancellationToken) is true;
        }
        catch (PostgresException e) when (e.SqlState is "42P01" or "3F000" or "42501")
        {
            return false; // 42P01: no such table; 3F000: no such schema; 42501: no right to read it
        }
    }
}
