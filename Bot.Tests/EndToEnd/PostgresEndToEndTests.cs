using Bot.Testing;
using Bot.Tests.Storage;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host on a real PostgreSQL database, chosen by its connection string: a buyer's message reaches a
/// topic, a staff reply goes back to the marketplace, and a restarted bridge carries on from what it stored.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class PostgresEndToEndTests : StaffGroupTests, IPostgresVariant
{
    private Dictionary<string, string?> settings = [];

    protected override async Task<StaffGroupBridge> StartAsync()
    {
        settings = await TestDatabaseSettings.ForAsync(TestDatabase.Postgres);
        return await StaffGroupBridge.StartAsync(settings);
    }

    [DbFact]
    public async Task BuyerMessage_ReachesATopic_AndStaffReply_GoesBack_OnPostgres_AcrossARestart()
    {
        var topic = await Rig.TopicWithBuyerMessageAsync("71001", "Where is my parcel?");

        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It left the warehouse today.", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = Assert.Single(Marketplace.Sent);
        Assert.Equal(("71001", "It left the warehouse today."), (sent.ConversationId, sent.Text));

        await Rig.RestartAsync(settings);
        Marketplace.AddBuyerMessage("71001", "Thanks, and the tracking number?");
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("tracking number", StringComparison.Ordinal) == true), Timeout);
        Assert.Single(Telegram.Topics(Staff)); // the same conversation, from the database: no second topic
    }
}
