using Bot.Testing;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Workflow;

/// <summary>Through the real host and the fake Bot API (which refuses what Telegram refuses: an unchanged or too long
/// topic name): the Take button and /claim rename the topic, the claim survives a restart, and the next reminder
/// mentions the claimant.</summary>
public sealed class ClaimEndToEndTests : StaffGroupTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Workflow:SweepInterval"] = "00:00:00.200",
        ["Workflow:OpenAt"] = "00:00",
        ["Workflow:CloseAt"] = "00:00",
        ["Workflow:DaysOff"] = "",
        ["Workflow:ReminderAfter"] = "00:00:01",
        ["Workflow:DigestAt"] = "",
    };

    protected override Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync(Settings);

    private Task TitleIsAsync(int topic, string name) =>
        Eventually.TrueAsync(() => Telegram.Topics(Staff).Single(t => t.ThreadId == topic).Name == name, Timeout);

    [Fact]
    public async Task TakeAndClaim_RenameTheTopic_TheClaimSurvivesARestart_AndTheReminderMentionsTheClaimant()
    {
        var topic = await Rig.TopicWithBuyerMessageAsync("55001", "Hello?");
        var card = Telegram.SentTo(Staff, topic).First(m => m.Buttons.Any(b => b.CallbackData == "claim"));

        Telegram.EnqueueCallback(Staff, card.MessageId, 5002, "claim");
        await TitleIsAsync(topic, "🙋 User5002 · 🧾 55001 · Ana");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "/claim", threadId: topic);
        await TitleIsAsync(topic, "🙋 Sam · 🧾 55001 · Ana");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Looking into it.", threadId: topic);
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.Text == "Looking into it."), Timeout);

        await Rig.RestartAsync(Settings, Bridge.DatabasePath);
        var before = Telegram.SentTo(Staff, topic).Count;
        Marketplace.AddBuyerMessage("55001", "Any news?");

        var reminder = await Eventually.ValueAsync(
            () => Telegram.SentTo(Staff, topic).Skip(before).FirstOrDefault(m => m.Text?.StartsWith('⏰') == true), Timeout);
        Assert.StartsWith("⏰ <a href=\"tg://user?id=5001\">Sam</a>, the buyer has waited", reminder.Text, StringComparison.Ordinal);

        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "/unclaim", threadId: topic);
        await TitleIsAsync(topic, "🧾 55001 · Ana");
    }

    [Fact]
    public async Task ClaimByAPersonWithAVeryLongName_TheTitleIsCutToTelegramsLimit()
    {
        var topic = await Rig.TopicWithBuyerMessageAsync("55002", "Hello?");
        var name = "Alexandra " + new string('W', 150);

        Telegram.EnqueueMessage(Staff, StaffUser, name, "/claim", threadId: topic);

        var title = (await Eventually.ValueAsync(
            () => Telegram.Topics(Staff).FirstOrDefault(t => t.ThreadId == topic && t.Name.StartsWith("🙋", StringComparison.Ordinal)), Timeout)).Name;
        Assert.Equal(128, title.Length);
        Assert.StartsWith("🙋 Alexandra WWW", title, StringComparison.Ordinal);
    }
}
