using System.Text.RegularExpressions;
using Bot.Core.Chat;
using Bot.Core.Routing;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Buyers;

public sealed partial class BuyerFlowTests : IAsyncLifetime
{
    private const long BuyerUser = 90001;
    private CoreHarness harness = null!;
    private int topic;
    private int nextMessage = 1;
    private long nextUpdate = 1;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite); // some tests read the SQLite file
        topic = await harness.OpenTopicAsync("5001", "Hello, where is my order?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private IChatUpdateHandler Updates => harness.Get<IChatUpdateHandler>();

    private IncomingChatMessage Private(string? text, long user = BuyerUser, int? replyTo = null) =>
        new(nextUpdate++, user, ChatType.Private, nextMessage++, null, false, user, "Ana B", false, "en", text, null, replyTo, false, DateTimeOffset.UtcNow);

    private async Task<string> InviteAsync()
    {
        var before = harness.Marketplace.Sent.Count;
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 800 + nextMessage++, "/invite"), CancellationToken.None);
        await harness.DrainAsync();
        var invitation = harness.Marketplace.Sent.Skip(before).Single().Text;
        return Code().Match(invitation).Groups[1].Value;
    }

    private async Task LinkAsync()
    {
        await Updates.HandleMessageAsync(Private("/start " + await InviteAsync()), CancellationToken.None);
        await harness.DrainAsync();
    }

    private IReadOnlyList<ChatText> ToBuyer(long user = BuyerUser) => harness.Gateway.Texts.Where(t => t.ChatId == user).ToList();

    [Fact]
    public async Task Invite_PostsASingleUseLink_ThatIsStoredOnlyAsAHash()
    {
        var code = await InviteAsync();

        Assert.Matches("^[A-Za-z0-9_-]{22}$", code);
        var invitation = harness.Marketplace.Sent.Last().Text;
        Assert.Contains("https://t.me/store_bridge_bot?start=" + code, invitation);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Bot.Core.Storage.StorageOptions>>().Value.ConnectionString);
        await connection.OpenAsync();
        var dump = new System.Text.StringBuilder();
        foreach (var table in new[] { "buyer_invites", "messages", "message_copies", "outbox" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.GetValue(i)).Append('|');
                }
            }
        }

        Assert.DoesNotContain(code, dump.ToString());
        Assert.Contains(Bot.Core.Buyers.InviteCodes.Hash(code), dump.ToString());
    }

    [Fact]
    public async Task InvitationEcho_IsNotRelayedBackToStaff()
    {
        await InviteAsync();
        var posts = harness.Gateway.TextsIn(topic).Count;

        await harness.RunAsync();

        Assert.DoesNotContain(harness.Gateway.TextsIn(topic).Skip(posts), t => t.Html.Contains("Seller center", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkedBuyer_GetsStaffReplies_AndTheirRepliesReachMarketplaceAndTopic()
    {
        await LinkAsync();
        Assert.Contains(harness.Gateway.TextsIn(topic), t => t.Html.Contains("linked Telegram", StringComparison.Ordinal));
        Assert.Contains(ToBuyer(), t => t.Buttons is { Count: > 0 });

        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 900, "It ships tomorrow."), CancellationToken.None);
        await harness.DrainAsync();
        var relayed = Assert.Single(ToBuyer(), t => t.Html.Contains("It ships tomorrow.", StringComparison.Ordinal));
        Assert.Contains("Order 5001", relayed.Html);

        var sentBefore = harness.Marketplace.Sent.Count;
        await Updates.HandleMessageAsync(Private("Thank you! Can you add a gift note?"), CancellationToken.None);
        await harness.DrainAsync();

        var comment = harness.Marketplace.Sent.Skip(sentBefore).Single();
        Assert.Equal("5001", comment.ConversationId);
        Assert.StartsWith("[Written by the buyer in Telegram]", comment.Text);
        Assert.Contains("gift note", comment.Text);
        Assert.Contains(harness.Gateway.TextsIn(topic), t => t.Html.Contains("via Telegram", StringComparison.Ordinal) && t.Html.Contains("gift note", StringComparison.Ordinal));

        // Its echo comes back through the poller and is recognised.
        var topicPosts = harness.Gateway.TextsIn(topic).Count;
        await harness.RunAsync();
        Assert.Equal(topicPosts, harness.Gateway.TextsIn(topic).Count);
    }

    [Fact]
    public async Task SellerCenterMessage_ReachesTheLinkedBuyer()
    {
        await LinkAsync();
        harness.Marketplace.AddSellerMessage("5001", "Written in the seller center");

        await harness.RunAsync();

        Assert.Contains(ToBuyer(), t => t.Html.Contains("Written in the seller center", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondOrder_AsksWhichOne_AndRemembersTheChoice()
    {
        await LinkAsync();
        harness.Marketplace.AddBuyerMessage("5002", "Another order question");
        await harness.RunAsync();
        await Updates.HandleMessageAsync(Private("/unlink"), CancellationToken.None);
        await LinkAsync(); // linked again, the current choice is 5001's conversation; forget it to see the question
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Bot.Core.Storage.StorageOptions>>().Value.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE buyer_links SET current_conversation_id = NULL";
            await command.ExecuteNonQueryAsync();
        }

        var sentBefore = harness.Marketplace.Sent.Count;
        await Updates.HandleMessageAsync(Private("Which one ships first?"), CancellationToken.None);
        await harness.DrainAsync();
        var question = ToBuyer()[^1];
        Assert.NotNull(question.Buttons);
        Assert.Equal(sentBefore, harness.Marketplace.Sent.Count); // waits for the choice

        var choice = question.Buttons!.SelectMany(r => r).Single(b => b.Text == "#5002");
        await Updates.HandleCallbackAsync(new IncomingCallback(nextUpdate++, "cb1", BuyerUser, 1, null, BuyerUser, "Ana B", choice.CallbackData!), CancellationToken.None);
        await Updates.HandleMessageAsync(Private("And another detail"), CancellationToken.None);
        await harness.DrainAsync();

        var sent = harness.Marketplace.Sent.Skip(sentBefore).ToList();
        Assert.Equal(["5002", "5002"], sent.Select(s => s.ConversationId).ToArray());
        Assert.Contains("Which one ships first?", sent[0].Text);
    }

    [Fact]
    public async Task ReplyToARelayedMessage_GoesToThatMessagesOrder()
    {
        await LinkAsync();
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 901, "Your parcel left."), CancellationToken.None);
        await harness.DrainAsync();
        harness.Marketplace.AddBuyerMessage("5003", "A third order");
        await harness.RunAsync();
        var relayedId = harness.Gateway.Texts.ToList().FindLastIndex(t => t.ChatId == BuyerUser && t.Html.Contains("Your parcel left.", StringComparison.Ordinal));
        Assert.True(relayedId >= 0);

        // The gateway numbers messages in send order from 2; find the id it returned for that message.
        var copies = await CopiesToBuyerAsync();
        var sentBefore = harness.Marketplace.Sent.Count;
        await Updates.HandleMessageAsync(Private("Great, thanks", replyTo: copies[^1]), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal("5001", harness.Marketplace.Sent.Skip(sentBefore).Single().ConversationId);
    }

    [Fact]
    public async Task QuickReply_SendsAPoliteMessageInTheBuyersLanguage()
    {
        await LinkAsync();
        var sentBefore = harness.Marketplace.Sent.Count;

        await Updates.HandleCallbackAsync(new IncomingCallback(nextUpdate++, "cb2", BuyerUser, 1, null, BuyerUser, "Ana B", "qr:tracking_missing"), CancellationToken.None);
        await harness.DrainAsync();

        var comment = harness.Marketplace.Sent.Skip(sentBefore).Single();
        Assert.Contains("more than 10 days", comment.Text);
        Assert.Contains(harness.Gateway.TextsIn(topic), t => t.Html.Contains("more than 10 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsedExpiredAndUnknownCodes_AreRefused_AndChangeNothing()
    {
        var code = await InviteAsync();
        await Updates.HandleMessageAsync(Private("/start " + code), CancellationToken.None);
        await Updates.HandleMessageAsync(Private("/start " + code, user: 90002), CancellationToken.None);
        await Updates.HandleMessageAsync(Private("/start AAAAAAAAAAAAAAAAAAAAAA", user: 90003), CancellationToken.None);
        await Updates.HandleMessageAsync(Private("/start <script>", user: 90003), CancellationToken.None);
        var late = await InviteAsync();
        harness.Time.Advance(TimeSpan.FromDays(8));
        await Updates.HandleMessageAsync(Private("/start " + late, user: 90004), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Contains(ToBuyer(90002), t => t.Html.Contains("already been used", StringComparison.Ordinal));
        Assert.Equal(2, ToBuyer(90003).Count(t => t.Html.Contains("not valid", StringComparison.Ordinal)));
        Assert.Contains(ToBuyer(90004), t => t.Html.Contains("expired", StringComparison.Ordinal));

        var sentBefore = harness.Marketplace.Sent.Count;
        foreach (var stranger in new long[] { 90002, 90003, 90004 })
        {
            await Updates.HandleMessageAsync(Private("let me in", user: stranger), CancellationToken.None);
        }

        await harness.DrainAsync();
        Assert.Equal(sentBefore, harness.Marketplace.Sent.Count);
        Assert.All(new long[] { 90002, 90003, 90004 }, s => Assert.Contains(ToBuyer(s), t => t.Html.Contains("invitation link", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FloodLimit_StopsABuyer_WithOneClearMessage()
    {
        await LinkAsync();
        var sentBefore = harness.Marketplace.Sent.Count;

        for (var i = 0; i < 15; i++)
        {
            await Updates.HandleMessageAsync(Private($"spam {i}"), CancellationToken.None);
        }

        await harness.DrainAsync();
        Assert.Equal(10, harness.Marketplace.Sent.Count - sentBefore);
        Assert.Single(ToBuyer(), t => t.Html.Contains("very quickly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuyerChoosesALanguage_ForAllTheirConversations()
    {
        await LinkAsync();

        await Updates.HandleMessageAsync(Private("/lang pt"), CancellationToken.None);
        await Updates.HandleMessageAsync(Private("/lang portuguese"), CancellationToken.None);
        await harness.DrainAsync();

        await using var session = await Bot.Core.Storage.DbSession.BeginAsync(harness.Get<Bot.Core.Storage.IDbConnectionFactory>(), CancellationToken.None);
        var conversation = await harness.Get<Bot.Core.Conversations.IConversationRepository>().FindByTopicAsync(session, CoreHarness.StaffChatId, topic);
        Assert.Equal("pt", conversation!.BuyerLanguage);
        Assert.Contains(ToBuyer(), t => t.Html.Contains("/lang es", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unlink_StopsTheRelay()
    {
        await LinkAsync();
        await Updates.HandleMessageAsync(Private("/unlink"), CancellationToken.None);
        await harness.DrainAsync();

        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 902, "Are you there?"), CancellationToken.None);
        await harness.DrainAsync();

        Assert.DoesNotContain(ToBuyer(), t => t.Html.Contains("Are you there?", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<int>> CopiesToBuyerAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Bot.Core.Storage.StorageOptions>>().Value.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT remote_message_id FROM message_copies WHERE chat_id = {BuyerUser} ORDER BY id";
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(int.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return ids;
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
