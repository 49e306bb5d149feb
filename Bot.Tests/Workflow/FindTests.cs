using Bot.Core.Chat;
using Bot.Core.Routing;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.Workflow;

/// <summary>/find in the general topic finds conversations by order number, buyer name or text, linking to their topics.</summary>
public abstract class FindTests(TestDatabase database) : IAsyncLifetime
{
    private WorkflowRig rig = null!;
    private int ana;
    private int ben;
    private int nextMessage = 800;

    public async Task InitializeAsync()
    {
        rig = await WorkflowRig.StartAsync(settings: await TestDatabaseSettings.ForAsync(database));
        ana = await rig.BuyerWritesAsync("31001", "The zipper broke after a week", buyer: "Ana Lima");
        ben = await rig.BuyerWritesAsync("31002", "Can I get 100% cotton?", buyer: "Ben Ode");
    }

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private async Task<string> FindAsync(string query)
    {
        var id = ++nextMessage;
        var message = new IncomingChatMessage(id, CoreHarness.StaffChatId, ChatType.Supergroup, id, null, false, 42, "Sam", false, "en", "/find " + query, null, null, false, rig.Harness.Time.GetUtcNow());
        await rig.Harness.Get<IChatUpdateHandler>().HandleMessageAsync(message, CancellationToken.None);
        await rig.Harness.DrainAsync();
        return rig.GeneralTopic().Last(t => t.ReplyToMessageId == id).Html;
    }

    [DbFact]
    public async Task ByOrderNumber_LinksToTheTopic()
    {
        var found = await FindAsync("31002");

        Assert.Contains($"<a href=\"https://t.me/c/1234567890/{ben}\">Ben Ode · 31002</a>", found, StringComparison.Ordinal);
        Assert.DoesNotContain("31001", found, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ByBuyerName_IgnoringCase()
    {
        var found = await FindAsync("ana li");

        Assert.Contains($"<a href=\"https://t.me/c/1234567890/{ana}\">Ana Lima · 31001</a>", found, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task ByTextOfAMessage_WildcardsAreLiteral()
    {
        Assert.Contains("31001", await FindAsync("zipper"), StringComparison.Ordinal);
        Assert.Contains("31002", await FindAsync("100%"), StringComparison.Ordinal);
        Assert.StartsWith("🔎 Nothing found for “10_%”.", await FindAsync("10_%"), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task TooShort_SaysHowToUseIt()
    {
        Assert.StartsWith("Usage: /find", await FindAsync("a"), StringComparison.Ordinal);
    }

    public sealed class OnSqlite() : FindTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : FindTests(TestDatabase.Postgres), IPostgresVariant;
}
