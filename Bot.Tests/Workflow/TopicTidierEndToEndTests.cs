using Bot.Testing;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Workflow;

/// <summary>Through the real host and the fake Bot API (which refuses closing a closed topic and sending into one):
/// a quiet answered conversation's topic is closed, a new buyer message reopens it with a note.</summary>
public sealed class TopicTidierEndToEndTests : StaffGroupTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Workflow:SweepInterval"] = "00:00:00.200",
        ["Workflow:CloseQuietAfter"] = "00:00:01",
        ["Workflow:DigestAt"] = "",
    };

    protected override Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync(Settings);

    private bool IsClosed(int topic) => Telegram.Topics(Staff).Single(t => t.ThreadId == topic).IsClosed;

    [Fact]
    public async Task QuietTopic_IsClosed_AndANewMessageReopensItWithANote()
    {
        var topic = await Rig.TopicWithBuyerMessageAsync("56001", "Hello?");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Hi, all done.", threadId: topic);
        await Eventually.TrueAsync(() => IsClosed(topic), Timeout);

        Marketplace.AddBuyerMessage("56001", "Thanks, one more question");
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("one more question", StringComparison.Ordinal) == true), Timeout);
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.StartsWith("📂 Reopened", StringComparison.Ordinal) == true), Timeout);
        Assert.False(IsClosed(topic)); // the buyer waits: it stays open
    }

    [Fact]
    public async Task TopicAPersonClosed_IsReopenedByTheNextBuyerMessage()
    {
        var topic = await Rig.TopicWithBuyerMessageAsync("56002", "Hello?");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Done.", threadId: topic);
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.Text == "Done."), Timeout);
        Telegram.CloseTopic(Staff, topic);

        Marketplace.AddBuyerMessage("56002", "Wait, another thing");
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("another thing", StringComparison.Ordinal) == true), Timeout);
        Assert.False(IsClosed(topic));
    }
}
