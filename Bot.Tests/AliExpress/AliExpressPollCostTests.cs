using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Conversations;
using Bot.Testing.AliExpress;
using Xunit.Abstractions;

namespace Bot.Tests.AliExpress;

/// <summary>What a poll costs, counted at the fake gateway through the real client: an idle poll, a new message, a burst.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressPollCostTests(ITestOutputHelper output)
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";

    public static TheoryData<int> ServedPageSizes() => new(100, 4);

    [Theory]
    [MemberData(nameof(ServedPageSizes))]
    public async Task IdlePoll_AfterTraffic_CostsAtMostOneGatewayCall(int servedPageSize)
    {
        await using var h = await AliExpressHarness.StartAsync(new FakeAliExpressServerOptions { MaxPageSize = servedPageSize });
        var cursor = await WithHistoryAsync(h);
        h.Time.Advance(TimeSpan.FromSeconds(15));
        for (var i = 0; i < 6; i++)
        {
            h.Server.AddBuyerMessage(Order(i), "b" + i, "B", "just now");
        }

        cursor = (await h.DrainAsync(cursor)).Cursor;

        var costs = new List<int>();
        for (var poll = 0; poll < 5; poll++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(15));
            var before = Calls(h);
            var batch = await h.Client.FetchAsync(cursor, CancellationToken.None);
            Assert.Empty(batch.Messages);
            cursor = batch.NextCursor;
            costs.Add(Calls(h) - before);
        }

        output.WriteLine($"idle poll after traffic in 6 conversations, {servedPageSize} rows served per page: {string.Join(", ", costs)} gateway calls");
        Assert.All(costs, c => Assert.InRange(c, 0, 1));
    }

    [Fact]
    public async Task NewMessages_InABurst_CostAtMostTwoGatewayCallsEach()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var cursor = await WithHistoryAsync(h);
        var before = Calls(h);
        var listingsBefore = h.Server.CallCount(Relations);
        var expected = 0;
        var reported = 0;
        for (var poll = 0; poll < 20; poll++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(15));
            foreach (var i in Enumerable.Range(0, poll % 3))
            {
                // Existing orders, and a new pre-sale chat now and then.
                h.Server.AddBuyerMessage(Order((poll + i) % 6), "b" + ((poll + i) % 6), "B", $"burst {poll}.{i}");
                expected++;
            }

            if (poll % 5 == 0)
            {
                h.Server.AddBuyerMessage(h.Server.ChatChannelOf("new" + poll), "new" + poll, "N", "hello", kind: ConversationKind.Chat);
                expected++;
            }

            var (messages, next, _) = await h.DrainAsync(cursor);
            reported += messages.Count;
            cursor = next;
        }

        var calls = Calls(h) - before;
        output.WriteLine($"burst: {expected} new messages over 20 polls cost {calls} gateway calls ({(double)calls / expected:0.00} per message; listings {h.Server.CallCount(Relations) - listingsBefore})");
        Assert.Equal(expected, reported);
        Assert.True(calls <= 2 * expected, $"{calls} calls for {expected} messages");
    }

    [Fact]
    public async Task DetailsLaggingBehindTheRelationRow_AreReadAgainOnTheNextPoll()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var cursor = await WithHistoryAsync(h);
        h.Time.Advance(TimeSpan.FromSeconds(15));
        var id = h.Server.AddBuyerMessage(Order(2), "b2", "B", "listed before its details show it");
        h.Server.AnswerNext(Details, new JsonObject
        {
            ["aliexpress_message_redefining_versiontwo_querymsgdetaillist_response"] = new JsonObject
            {
                ["result"] = new JsonObject { ["is_success"] = true, ["message_detail_list"] = new JsonObject { ["message_detail"] = new JsonArray() } },
            },
        });
        var lagging = await h.Client.FetchAsync(cursor, CancellationToken.None);

        h.Time.Advance(TimeSpan.FromSeconds(15));
        var next = await h.Client.FetchAsync(lagging.NextCursor, CancellationToken.None);

        Assert.Empty(lagging.Messages);
        Assert.Equal([id], next.Messages.Select(m => m.MessageId));
    }

    private static string Order(int i) => (8900000000 + i).ToString(CultureInfo.InvariantCulture);

    private static int Calls(AliExpressHarness h) => h.Server.CallCount(Relations) + h.Server.CallCount(Details);

    /// <summary>Six orders with a few messages each, from earlier today, read once.</summary>
    private static async Task<string?> WithHistoryAsync(AliExpressHarness h)
    {
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                h.Server.AddBuyerMessage(Order(i), "b" + i, "B", $"earlier {i}.{j}", at: AliExpressHarness.Start.AddHours(-2).AddMinutes(i * 5 + j));
            }
        }

        return (await h.DrainAsync(null)).Cursor;
    }
}
