using System.Globalization;
using Bot.Testing;

namespace Bot.Tests.EndToEnd;

/// <summary>A store with two staff groups, through the real host: the card's buttons work in the second group too.</summary>
public sealed class SecondStaffGroupEndToEndTests : StaffGroupTests
{
    private const long Second = -1001000000077;

    protected override Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync(
        new Dictionary<string, string?> { ["Telegram:StaffChatIds:0"] = Second.ToString(CultureInfo.InvariantCulture) },
        arrange: telegram => telegram.AddSupergroup(Second, "Store staff 2"));

    [Fact]
    public async Task TakeOnACardInTheSecondGroup_ClaimsTheConversation()
    {
        await Rig.TopicWithBuyerMessageAsync("81001", "First store question");
        Marketplace.AddBuyerMessage("81002", "Second store question"); // the first group is busier now: this one goes to the second
        var topic = await Eventually.ValueAsync(
            () => Telegram.Topics(Second).FirstOrDefault(t => t.Name.Contains("81002", StringComparison.Ordinal) && Telegram.SentTo(Second, t.ThreadId).Count > 0), Timeout);
        var card = Telegram.SentTo(Second, topic.ThreadId)[0];

        Telegram.EnqueueCallback(Second, card.MessageId, StaffUser, "claim");

        await Eventually.TrueAsync(
            () => Telegram.SentTo(Second, topic.ThreadId).Any(m => m.MessageId == card.MessageId && m.VisibleText?.Contains("Taken by", StringComparison.Ordinal) == true)
                || Telegram.Topics(Second).Single(t => t.ThreadId == topic.ThreadId).Name.Contains("🙋", StringComparison.Ordinal),
            Timeout);
    }
}
