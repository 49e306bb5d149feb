using Bot.Core.Chat;
using Bot.Core.Routing;

namespace Bot.Tests.Workflow;

/// <summary>Staff take a conversation with /claim or the card's "Take" button; the topic's title and a note say who has
/// it; /unclaim gives it back; reminders mention the claimant, and an answer from someone else is noted.</summary>
public sealed class ClaimTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Thursday1300 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private WorkflowRig rig = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        rig = await WorkflowRig.StartAsync(Thursday1300);
        topic = await rig.BuyerWritesAsync("6001", "Where is my parcel?");
    }

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private string? Title => rig.Harness.Gateway.TopicName(topic);

    private IReadOnlyList<string> Notes => rig.Harness.Gateway.TextsIn(topic).Select(t => t.Html).ToList();

    [Fact]
    public async Task Claim_RenamesTheTopic_AndSaysWhoHasIt()
    {
        await rig.StaffWritesAsync(topic, "/claim");

        Assert.Equal("🙋 Sam · 🧾 6001 · Ana", Title);
        Assert.Contains("🙋 <b>Sam</b> has this conversation. /unclaim gives it back.", Notes);
        Assert.Empty(rig.Harness.Marketplace.Sent);
    }

    [Fact]
    public async Task ClaimTwice_ByTheSamePerson_RenamesOnce_AndSaysSo()
    {
        await rig.StaffWritesAsync(topic, "/claim");
        await rig.StaffWritesAsync(topic, "/claim");

        Assert.Single(rig.Harness.Gateway.Renames);
        Assert.Contains("You already have this conversation.", Notes);
    }

    [Fact]
    public async Task ClaimByAnotherPerson_TakesItOver()
    {
        await rig.StaffWritesAsync(topic, "/claim");
        await rig.StaffWritesAsync(topic, "/claim", userId: 43, name: "Ann");

        Assert.Equal("🙋 Ann · 🧾 6001 · Ana", Title);
        Assert.Contains("🙋 <b>Ann</b> has this conversation (taken over from Sam). /unclaim gives it back.", Notes);
    }

    [Fact]
    public async Task Unclaim_RestoresTheTitle()
    {
        await rig.StaffWritesAsync(topic, "/claim");
        await rig.StaffWritesAsync(topic, "/unclaim");

        Assert.Equal("🧾 6001 · Ana", Title);
        Assert.Contains("👐 Sam gave back this conversation; anyone may take it.", Notes);

        await rig.StaffWritesAsync(topic, "/unclaim");
        Assert.Contains("Nobody has this conversation.", Notes);
        Assert.Equal(2, rig.Harness.Gateway.Renames.Count);
    }

    [Fact]
    public async Task VeryLongName_TitleStaysWithinTelegramsLimit()
    {
        await rig.StaffWritesAsync(topic, "/claim", name: new string('S', 200));

        Assert.Equal(ChatLimits.MaxTopicNameLength, Title!.Length);
        Assert.StartsWith("🙋 SSS", Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakeButton_ClaimsLikeTheCommand()
    {
        var card = rig.Harness.Gateway.TextsIn(topic).First(t => t.Buttons is not null);
        Assert.Contains(card.Buttons!.SelectMany(row => row), b => b.CallbackData == "claim");

        var press = new IncomingCallback(1, "press-1", Harness.CoreHarness.StaffChatId, 1, topic, 44, "Kim", "claim");
        await rig.Harness.Get<IChatUpdateHandler>().HandleCallbackAsync(press, CancellationToken.None);
        await rig.Harness.DrainAsync();

        Assert.Equal("🙋 Kim · 🧾 6001 · Ana", Title);
    }

    [Fact]
    public async Task Reminder_MentionsWhoHasTheConversation()
    {
        await rig.StaffWritesAsync(topic, "/claim");

        rig.At(Thursday1300.AddMinutes(61));
        await rig.SweepAsync();

        Assert.StartsWith("⏰ <a href=\"tg://user?id=42\">Sam</a>, the buyer has waited", Assert.Single(rig.Reminders(topic)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerFromSomeoneElse_IsRelayed_AndNoted()
    {
        await rig.StaffWritesAsync(topic, "/claim");
        await rig.StaffWritesAsync(topic, "It ships today.", userId: 43, name: "Ann");
        await rig.SweepAsync();

        Assert.Equal("It ships today.", Assert.Single(rig.Harness.Marketplace.Sent).Text);
        Assert.Contains("ℹ️ Ann answered; Sam has this conversation.", Notes);
    }

    [Fact]
    public async Task AnswerFromTheClaimant_IsNotNoted()
    {
        await rig.StaffWritesAsync(topic, "/claim");
        await rig.StaffWritesAsync(topic, "It ships today.");
        await rig.SweepAsync();

        Assert.DoesNotContain(Notes, n => n.StartsWith('ℹ'));
    }
}
