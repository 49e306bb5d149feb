using Bot.Testing;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host keeps within the limits the fake Bot API enforces like Telegram does.</summary>
public sealed class TelegramLimitsEndToEndTests : StaffGroupTests
{
    [Fact]
    public async Task BuyerWithAVeryLongName_GetsATopicNamedWithin128Characters()
    {
        Marketplace.AddBuyerMessage("72001", "Hello", buyerName: string.Concat(Enumerable.Repeat("Maximilian Alexander ", 20)));

        var topic = await Eventually.ValueAsync(() => Telegram.Topics(Staff).FirstOrDefault(), Timeout);
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic.ThreadId).Any(m => m.VisibleText == "Hello" || m.VisibleText?.EndsWith("Hello", StringComparison.Ordinal) == true), Timeout);

        Assert.InRange(topic.Name.Length, 1, 128);
        Assert.Contains("72001", topic.Name, StringComparison.Ordinal);
    }
}
