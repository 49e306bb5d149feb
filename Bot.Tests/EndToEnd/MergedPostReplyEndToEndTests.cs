using Bot.Core.Messages;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>Buyer messages that reached staff as one Telegram message: staff replying to it reach that conversation,
/// and storage keeps each buyer message as its own row, all pointing at the shared Telegram message.</summary>
public sealed class MergedPostReplyEndToEndTests
{
    private const long Staff = BridgeHost.StaffChatId;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StaffReplyToAMergedMessage_ReachesThatConversation_AndEachBuyerMessageKeepsItsOwnRow()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        var marketplace = new InMemoryMarketplace();
        marketplace.AddBuyerMessage("97001", "Other order, other buyer", buyerId: "b2", buyerName: "Bo");
        string[] texts = ["Hello, is the parcel sent?", "It is a gift", "My address changed"];
        foreach (var text in texts)
        {
            marketplace.AddBuyerMessage("97002", text);
        }

        await using var bridge = await BridgeHost.StartAsync(telegram, marketplace);
        var topic = (await Eventually.ValueAsync(() => telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains("97002", StringComparison.Ordinal)), Timeout)).ThreadId;
        var merged = await Eventually.ValueAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(m => m.VisibleText?.Contains(texts[2], StringComparison.Ordinal) == true), Timeout);
        Assert.All(texts, t => Assert.Contains(t, merged.VisibleText));
        Assert.Contains("Order 97002", merged.VisibleText); // the card travels with the first messages

        telegram.EnqueueMessage(Staff, 5001, "Sam", "Yes, sent yesterday; we will update the address.", threadId: topic, replyToMessageId: merged.MessageId);

        var sent = await Eventually.ValueAsync(() => marketplace.Sent.FirstOrDefault(), Timeout);
        Assert.Equal("97002", sent.ConversationId);
        Assert.Equal("Yes, sent yesterday; we will update the address.", sent.Text);
        var messages = bridge.Get<IMessageRepository>();
        await using var session = await DbSession.ReadAsync(bridge.Get<IDbConnectionFactory>(), CancellationToken.None);
        var found = await messages.FindByTelegramCopyAsync(session, Staff, merged.MessageId);
        var row = await messages.GetAsync(session, found!.Value);
        Assert.Contains(row!.Text, texts);
        var rows = new List<Bot.Core.Messages.StoredMessage>();
        for (var id = row.Id - 3; id <= row.Id + 3; id++)
        {
            if (await messages.GetAsync(session, id) is { } m && texts.Contains(m.Text))
            {
                rows.Add(m);
                var copy = Assert.Single(await messages.GetCopiesAsync(session, m.Id, CopyTarget.Telegram));
                Assert.Equal(merged.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), copy.RemoteMessageId);
            }
        }

        Assert.Equal(texts, rows.OrderBy(r => r.Id).Select(r => r.Text));
    }
}
