using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>Incremental polling: overlap, paging, list shapes, bounded batches and the 5000-row cap.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressPollingTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";

    [Fact]
    public async Task Fetch_Incremental_ReturnsOnlyMessagesSinceThePreviousWindow()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8200000001", "b1", "B1", "first", at: AliExpressHarness.Start.AddMinutes(-5));
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        h.Server.AddBuyerMessage("8200000001", "b1", "B1", "second");
        h.Server.AddBuyerMessage("8200000002", "b2", "B2", "other order");

        var second = await h.Client.FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(["first"], first.Messages.Select(m => m.Text));
        Assert.Equal(["other order", "second"], second.Messages.Select(m => m.Text).Order());
    }

    [Fact]
    public async Task Fetch_MessageIndexedLateWithinTheOverlap_IsStillReturned()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(15));

        // Appears only now, stamped 60 s before the previous poll's end (inside the 2-minute overlap).
        h.Server.AddBuyerMessage("8200000003", "b3", "B3", "late", at: AliExpressHarness.Start.AddSeconds(-60));
        var second = await h.Client.FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(["late"], second.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Fetch_FirstPoll_LooksBackOnlyAsFarAsConfigured()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8200000004", "b4", "B4", "too old", at: AliExpressHarness.Start.AddDays(-2));
        h.Server.AddBuyerMessage("8200000005", "b5", "B5", "recent", at: AliExpressHarness.Start.AddHours(-3));

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        Assert.Equal(["recent"], batch.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Fetch_MoreThanOnePageOfRelationsAndMessages_ReturnsEveryMessage()
    {
        await using var h = await AliExpressHarness.StartAsync();
        for (var i = 0; i < 150; i++)
        {
            h.Server.AddBuyerMessage((8300000000 + i).ToString(CultureInfo.InvariantCulture), $"b{i}", $"B{i}", $"m{i}", at: AliExpressHarness.Start.AddSeconds(-i));
        }

        for (var i = 0; i < 250; i++)
        {
            h.Server.AddBuyerMessage("8300009999", "busy", "Busy", $"busy{i}", at: AliExpressHarness.Start.AddMinutes(-300).AddSeconds(i));
        }

        var (messages, _, _) = await h.DrainAsync(null);

        Assert.Equal(400, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(250, messages.Count(m => m.ConversationId == "8300009999"));
    }

    public static TheoryData<FakeAliExpressServerOptions> Shapes() => new(
        new FakeAliExpressServerOptions { NestedLists = true },
        new FakeAliExpressServerOptions { NestedLists = false },
        new FakeAliExpressServerOptions { IdsAsStrings = true, TimestampsInSeconds = true },
        new FakeAliExpressServerOptions { NestedLists = false, IdsAsStrings = true, DetailsNewestFirst = false },
        new FakeAliExpressServerOptions { MaxPageSize = 7 });

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Fetch_AnyListShapeIdTypeOrTimeUnit_ReadsTheSameMessages(FakeAliExpressServerOptions shape)
    {
        await using var h = await AliExpressHarness.StartAsync(shape);
        h.Server.AddBuyerMessage("8400000001", "b1", "B1", "old", at: AliExpressHarness.Start.AddDays(-3));
        var expected = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            expected.Add(h.Server.AddBuyerMessage("8400000001", "b1", "B1", $"order {i}", ["https://ae01.example/p.jpg"], at: AliExpressHarness.Start.AddMinutes(-30 + i)));
            expected.Add(h.Server.AddBuyerMessage($"84000001{i:00}", "c" + i, "C", $"chat {i}", kind: ConversationKind.Chat, productId: "1005", at: AliExpressHarness.Start.AddMinutes(-20 + i)));
        }

        var (messages, _, _) = await h.DrainAsync(null);

        Assert.Equal(expected.Order(), messages.Select(m => m.MessageId).Distinct().Order());
        var sample = messages.First(m => m.Text == "order 3");
        Assert.Equal(AliExpressHarness.Start.AddMinutes(-27), sample.SentAt);
        Assert.Equal(["https://ae01.example/p.jpg"], sample.ImageUrls);
        Assert.Equal(MarketplaceAuthor.Buyer, sample.Author);
        Assert.Equal("product:1005", messages.First(m => m.Text == "chat 0").ReplyContext);
    }

    [Fact]
    public async Task Fetch_ManyMessages_ReturnsBoundedBatchesThatResumeWithoutLoss()
    {
        await using var h = await AliExpressHarness.StartAsync(configure: o => o.MaxMessagesPerFetch = 100);
        var expected = new HashSet<string>();
        for (var i = 0; i < 120; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                expected.Add(h.Server.AddBuyerMessage((8500000000 + i).ToString(CultureInfo.InvariantCulture), $"b{i}", "B", $"{i}.{j}",
                    at: AliExpressHarness.Start.AddMinutes(-200 + i).AddSeconds(j)));
            }
        }

        var cursor = (string?)null;
        var seen = new HashSet<string>();
        var batches = 0;
        while (true)
        {
            var batch = await h.Client.FetchAsync(cursor, CancellationToken.None);
            batches++;
            Assert.InRange(batch.Messages.Count, 0, 105);
            seen.UnionWith(batch.Messages.Select(m => m.MessageId));
            cursor = batch.NextCursor;
            if (!batch.HasMore)
            {
                break;
            }
        }

        Assert.Equal(expected, seen);
        Assert.InRange(batches, 6, 8);
    }

    [Fact]
    public async Task Fetch_WindowOverTheRowCap_IsSplitSoNothingIsSkippedOrReadTwice()
    {
        await using var h = await AliExpressHarness.StartAsync(new FakeAliExpressServerOptions { ReachableRows = 50, MaxPageSize = 10 },
            o => { o.ReachableRows = 50; o.PageSize = 10; });
        var expected = new HashSet<string>();
        for (var i = 0; i < 170; i++)
        {
            expected.Add(h.Server.AddBuyerMessage((8600000000 + i).ToString(CultureInfo.InvariantCulture), $"b{i}", "B", $"m{i}",
                at: AliExpressHarness.Start.AddMinutes(-180 + i)));
        }

        var (messages, cursor, fetches) = await h.DrainAsync(null);

        Assert.Equal(expected, messages.Select(m => m.MessageId).ToHashSet());
        Assert.True(fetches > 1);
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());

        // The next poll starts from the end (minus the overlap, which holds nothing here), not from the beginning of the backlog.
        var callsBefore = h.Server.CallCount(Relations);
        h.Time.Advance(TimeSpan.FromSeconds(15));
        var next = await h.Client.FetchAsync(cursor, CancellationToken.None);
        Assert.Empty(next.Messages);
        Assert.InRange(h.Server.CallCount(Relations) - callsBefore, 1, 2);
    }
}
