using Bot.Core.Storage;
using Bot.Logging;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Tests.Operations;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Stores;

/// <summary>Store__Id and Storage__Schema: a bad value stops the start with a sentence naming the variable; a named
/// store's log lines name it and its tables go to the schema named after it; the default store changes nothing.</summary>
public sealed class StoreSettingsTests
{
    [Theory]
    [InlineData("Store:Id", "shop a!", "Store__Id")]
    [InlineData("Store:Id", "", "Store__Id")]
    [InlineData("Storage:Schema", "Shop-A", "Storage__Schema")]
    [InlineData("Store:Id", "1shop", "Storage__Schema")] // its schema would start with a digit
    public async Task BadStoreSetting_OnPostgres_StopsTheStart_NamingTheVariable(string key, string value, string variable)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = new Dictionary<string, string?> { [key] = value, ["ConnectionStrings:Bridge"] = "Host=127.0.0.1;Port=1;Database=unused" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BridgeHost.StartAsync(telegram, null, settings));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedStore_NamesItselfInTheLog_AndTakesTheSchemaNamedAfterIt()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var bridge = await BridgeHost.StartAsync(telegram, null, new Dictionary<string, string?> { ["Store:Id"] = "Shop-A" });

        Assert.Equal("Shop-A", bridge.Get<IOptionsMonitor<BridgeLogFormatterOptions>>().CurrentValue.Store);
        Assert.Equal("shop_a", bridge.Get<IOptions<StorageOptions>>().Value.Schema);
        Assert.Equal("Shop-A", bridge.Get<IOptions<StoreOptions>>().Value.Id);
    }

    [Fact]
    public async Task NamedStore_StatusCommand_NamesTheStoreFirst()
    {
        await using var f = await OperatorsFixture.StartAsync(new Dictionary<string, string?> { ["Store:Id"] = "shop-a" });

        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/status");

        var status = await f.OperatorMessageAsync("Store shop-a");
        Assert.StartsWith("🏪 Store shop-a", status.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultStore_KeepsTheLogQuiet_AndTheConnectionsOwnSchema()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var bridge = await BridgeHost.StartAsync(telegram, null);

        Assert.Equal("", bridge.Get<IOptionsMonitor<BridgeLogFormatterOptions>>().CurrentValue.Store);
        Assert.Equal("", bridge.Get<IOptions<StorageOptions>>().Value.Schema);
        Assert.False(bridge.Get<IOptions<StoreOptions>>().Value.IsNamed);
    }
}
