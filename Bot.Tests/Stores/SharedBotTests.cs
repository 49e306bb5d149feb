using Bot.Core.Leases;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;

namespace Bot.Tests.Stores;

/// <summary>A bot token polled by two stores' processes would make their getUpdates calls end each other's: the second
/// store to start with a bot another store holds refuses to start, in one sentence, before its first getUpdates; more
/// instances of the store that holds it start as usual. Stores of one process that share a bot hold it together, and
/// another process's store on it is refused naming them.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
[Harness.RunsLong]
public sealed class SharedBotTests : IPostgresVariant
{
    [DbFact]
    public async Task SecondStore_WithTheFirstStoresBot_RefusesToStart_NamingTheStoreAndTheSetting_BeforeAnyGetUpdates()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var a = await StoreRig.CreateAsync("shop-a", 7001, database);
        await using var b = await StoreRig.CreateAsync("shop-b", 7001, database);
        await a.StartAsync();

        var refusal = await Assert.ThrowsAsync<BotTakenException>(b.StartAsync);

        Assert.Equal(
            "Store shop-a already uses this bot in another process, so store shop-b cannot: stores share a bot only within one process (Stores__Directory); give store shop-b its own bot token (Telegram__BotToken), or serve it in the same process.",
            refusal.Message);
        Assert.DoesNotContain(b.Telegram.Token, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, b.Telegram.CallCount("getUpdates"));

        await using var secondOfA = await Testing.Hosting.BridgeHost.StartAsync(a.Telegram, null, a.Settings); // the same store: starts
        Assert.NotNull(secondOfA.Url);
    }

    [DbFact]
    public async Task SecondStoresProcess_WithTheFirstStoresBot_ExitsWithCode2_AndTheOneSentence()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var a = await StoreRig.CreateAsync("shop-a", 7001, database);
        await a.StartAsync();
        var environment = EndToEnd.BridgeProcess.QuietSettings("unused.db");
        environment["ConnectionStrings__Bridge"] = database;
        environment["Store__Id"] = "shop-b";
        environment["Telegram__BotToken"] = "7001:AAH-the-same-bot-as-shop-a";

        await using var b = EndToEnd.BridgeProcess.Start(environment);

        Assert.Equal(2, await b.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Cannot start: Store shop-a already uses this bot in another process, so store shop-b cannot: stores share a bot only within one process (Stores__Directory); give store shop-b its own bot token (Telegram__BotToken)", b.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AAH-the-same-bot", b.Output, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task RunningStore_ThatFindsItsBotTakenByAnotherStore_Stops()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var a = await StoreRig.CreateAsync("shop-a", 7001, database);
        a.Settings["Instances:LeaseTime"] = "00:00:00.600";
        a.Settings["Instances:RenewEvery"] = "00:00:00.200";
        var bridge = await a.StartAsync();
        var stopping = bridge.Get<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;

        // What another store does once shop-a's hold ran out (a long database outage): it takes the bot.
        await ExecuteAsync(database, "UPDATE public.bridge_bots SET store = 'shop-x', expires_at = now() + interval '1 minute' WHERE bot_id = 7001");

        await Testing.Eventually.TrueAsync(() => stopping.IsCancellationRequested, StoreRig.Timeout);
    }

    [DbFact]
    public async Task AStoreOfAnotherProcess_OnTheBotThatStoresOfOneProcessShare_IsRefused_NamingThem()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var process = await StoresRig.StartAsync(postgres: database);
        await using var telegram = await Testing.BotApi.FakeTelegramServer.StartAsync(new Testing.BotApi.FakeTelegramOptions { BotUserId = 7001, RateLimitsEnabled = false });
        var a = await process.CreateStoreOnBotAsync("shop-a", telegram, StoreRig.Staff);
        var b = await process.CreateStoreOnBotAsync("shop-b", telegram, -1001000000002);
        process.Write(a);
        process.Write(b);
        await process.RunningAsync("shop-a");
        await process.RunningAsync("shop-b");
        await using var c = await StoreRig.CreateAsync("shop-c", 7001, database);

        var refusal = await Assert.ThrowsAsync<BotTakenException>(c.StartAsync);

        Assert.Equal(
            "Stores shop-a and shop-b already use this bot in another process, so store shop-c cannot: stores share a bot only within one process (Stores__Directory); give store shop-c its own bot token (Telegram__BotToken), or serve it in the same process.",
            refusal.Message);
        Assert.Equal(0, c.Telegram.CallCount("getUpdates"));
        Assert.DoesNotContain(telegram.Requests, r => r.StatusCode == 409);
    }

    [DbFact]
    public async Task ASecondProcessOfTheStoresThatShareABot_IsRefused_SoThatOneProcessPollsIt()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var first = await StoresRig.StartAsync(postgres: database);
        await using var second = await StoresRig.StartAsync(postgres: database);
        await using var telegram = await Testing.BotApi.FakeTelegramServer.StartAsync(new Testing.BotApi.FakeTelegramOptions { BotUserId = 7001, RateLimitsEnabled = false });
        var a = await first.CreateStoreOnBotAsync("shop-a", telegram, StoreRig.Staff);
        var b = await first.CreateStoreOnBotAsync("shop-b", telegram, -1001000000002);
        first.Write(a);
        first.Write(b);
        await first.RunningAsync("shop-a");
        await first.RunningAsync("shop-b");

        second.Write(a);
        second.Write(b);

        var failed = await Testing.Eventually.ValueAsync(
            () => second.Status("shop-a") is { State: Bot.Stores.StoreState.Failed } sa && second.Status("shop-b") is { State: Bot.Stores.StoreState.Failed } sb ? new[] { sa, sb } : null,
            StoreRig.Timeout);
        // Tried again after a wait: the other process may stop, and then this one polls the bot.
        Assert.All(failed, s => Assert.Equal(
            $"Stores shop-a and shop-b already use this bot in another process, so store {s.Id} cannot: stores share a bot only within one process (Stores__Directory); give store {s.Id} its own bot token (Telegram__BotToken), or serve it in the same process. It is started again in 10 s.",
            Assert.Single(s.Problems)));
        await a.TopicOfAsync("3001000000001", "shop-a relays from the first process");
        Assert.DoesNotContain(telegram.Requests, r => r.StatusCode == 409);
    }

    [DbFact]
    public async Task AStoreRenamedWithoutItsSchema_IsRefusedBeforeAnyGetUpdates_NamingWhereItsConversationsAre_AndWithThatSchemaKeepsItsTopics()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var store = await StoreRig.CreateAsync("default", 7001, database);
        await store.StartAsync();
        var topic = await store.TopicOfAsync("3001000000001", "before the store had a name");
        await store.StopAsync();
        await LapseHoldAsync(database, 7001);
        store.Settings["Store:Id"] = "shop-a"; // named, without Storage__Schema: the schema would be shop_a, a new one
        var polls = store.Telegram.CallCount("getUpdates");

        var refusal = await Assert.ThrowsAsync<BotStoreRenamedException>(store.StartAsync);

        Assert.Equal(
            "Store shop-a would start on schema shop_a, which is empty, while this bot's conversations are in schema public, where store default kept them: "
            + "its first poll would post the marketplace's recent messages again as new topics. To keep them, set Storage__Schema=public. "
            + "To start store shop-a afresh on this bot, first run DELETE FROM public.bridge_bots WHERE bot_id = 7001 in the database.",
            refusal.Message);
        Assert.Equal(polls, store.Telegram.CallCount("getUpdates"));
        Assert.Equal(1, store.Telegram.SentTo(StoreRig.Staff).Count(m => m.VisibleText?.Contains("before the store had a name", StringComparison.Ordinal) == true));

        // The same store's second instance, given another schema beside the running one, is refused too.
        store.Settings["Store:Id"] = "default";
        store.Settings["Storage:Schema"] = "public";
        await store.StartAsync();
        var beside = new Dictionary<string, string?>(store.Settings) { ["Storage:Schema"] = "elsewhere" };
        var second = await Assert.ThrowsAsync<BotStoreRenamedException>(() => Testing.Hosting.BridgeHost.StartAsync(store.Telegram, null, beside));
        Assert.StartsWith("Store default would start on schema elsewhere, which is empty, while this bot's conversations are in schema public", second.Message, StringComparison.Ordinal);
        await store.StopAsync();
        await LapseHoldAsync(database, 7001);

        store.Settings["Store:Id"] = "shop-a";
        await store.StartAsync();
        Assert.Equal(topic, await store.TopicOfAsync("3001000000001", "after the store was named"));
        Assert.Equal(1, store.Telegram.SentTo(StoreRig.Staff).Count(m => m.VisibleText?.Contains("before the store had a name", StringComparison.Ordinal) == true));
    }

    [DbFact]
    public async Task AStoreRenamed_StartsAfresh_OnceTheBotsRowIsDeleted_OrWhenTheOldSchemaHeldNoConversation()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        // The registry as releases before the check made it, without the data's schema: the first store adds it.
        await ScalarAsync(database, "CREATE TABLE public.bridge_bots (bot_id BIGINT PRIMARY KEY, store TEXT NOT NULL, instance TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL)");
        await using var quiet = await StoreRig.CreateAsync("shop-q", 7002, database);
        await quiet.StartAsync();
        await quiet.StopAsync();
        await LapseHoldAsync(database, 7002);
        quiet.Settings["Store:Id"] = "shop-r";
        await quiet.StartAsync(); // shop_q held nothing to lose
        await quiet.TopicOfAsync("3001000000002", "the renamed store relays");

        await using var store = await StoreRig.CreateAsync("shop-a", 7001, database);
        await store.StartAsync();
        await store.TopicOfAsync("3001000000001", "in shop_a");
        await store.StopAsync();
        // As a release before the schema's column left the row: the schema is the one the holder's name gives.
        await ExecuteAsync(database, "UPDATE public.bridge_bots SET data_schema = NULL, expires_at = now() - interval '1 second' WHERE bot_id = 7001");
        store.Settings["Store:Id"] = "shop-b";
        var refusal = await Assert.ThrowsAsync<BotStoreRenamedException>(store.StartAsync);
        Assert.StartsWith("Store shop-b would start on schema shop_b, which is empty, while this bot's conversations are in schema shop_a, where store shop-a kept them", refusal.Message, StringComparison.Ordinal);

        await ExecuteAsync(database, "DELETE FROM public.bridge_bots WHERE bot_id = 7001");
        await store.StartAsync();
        await store.TopicOfAsync("3001000000003", "in shop_b");
        Assert.Equal("shop_b", await ScalarAsync(database, "SELECT data_schema FROM public.bridge_bots WHERE bot_id = 7001"));
        // Afresh, as the refusal said: the first poll of the new schema relayed the earlier order's message again.
        await Testing.Eventually.TrueAsync(() => store.Telegram.SentTo(StoreRig.Staff).Count(m => m.VisibleText?.Contains("in shop_a", StringComparison.Ordinal) == true) == 2, StoreRig.Timeout);
        Assert.Equal(2L, await ScalarAsync(database, "SELECT COUNT(*) FROM shop_b.conversations"));
    }

    /// <summary>What four lease times after the last renewal of a stopped store's hold do, at once.</summary>
    private static Task LapseHoldAsync(string database, long botId) =>
        ExecuteAsync(database, $"UPDATE public.bridge_bots SET expires_at = now() - interval '1 second' WHERE bot_id = {botId}");

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public void StartupFailure_SaysTheRenameRefusalAsItsOneSentence()
    {
        var refusal = new InvalidOperationException("start failed", new BotStoreRenamedException("shop-a", "shop_a", "default", "public", 7001));

        Assert.StartsWith("Store shop-a would start on schema shop_a, which is empty", Bot.Startup.StartupFailure.Describe(refusal, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()), StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailure_SaysTheRefusalAsItsOneSentence()
    {
        var refusal = new InvalidOperationException("start failed", new BotTakenException("shop-b", "shop-a"));

        Assert.StartsWith("Store shop-a already uses this bot", Bot.Startup.StartupFailure.Describe(refusal, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()), StringComparison.Ordinal);
    }
}
