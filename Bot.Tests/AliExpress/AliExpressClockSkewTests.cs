using System.Globalization;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>The adapter against a marketplace whose clock disagrees with the bridge's (fake clock, polls every 15 s).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressClockSkewTests
{
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";

    [Theory]
    [InlineData(15)]
    [InlineData(-15)]
    [InlineData(29)]
    [InlineData(-29)]
    public async Task Fetch_BridgeClockOffByMinutes_ReportsEveryNewMessageExactlyOnce(int bridgeAheadMinutes)
    {
        await using var h = await AliExpressHarness.StartAsync(new FakeAliExpressServerOptions { ClockOffset = TimeSpan.FromMinutes(-bridgeAheadMinutes) });
        var cursor = (await h.Client.FetchAsync(null, CancellationToken.None)).NextCursor;
        var expected = new List<string>();
        var reported = new List<string>();
        for (var poll = 0; poll < 40; poll++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(15));
            if (poll % 4 == 0)
            {
                var order = (8800000000 + (poll % 3)).ToString(CultureInfo.InvariantCulture);
                expected.Add(h.Server.AddBuyerMessage(order, "b" + order, "B", $"message {poll}"));
            }

            var batch = await h.Client.FetchAsync(cursor, CancellationToken.None);
            reported.AddRange(batch.Messages.Select(m => m.MessageId));
            cursor = batch.NextCursor;
        }

        Assert.Equal(expected.Order(), reported.Order());
    }

    [Fact]
    public async Task Fetch_QuietLongerThanSkewAndOverlap_StopsRereadingTheLastConversation()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8800000009", "b9", "B9", "last word");
        var cursor = (await h.Client.FetchAsync(null, CancellationToken.None)).NextCursor;

        h.Time.Advance(TimeSpan.FromMinutes(33)); // MaxClockSkew (30 min) + PollOverlap (2 min), and then some
        cursor = (await h.Client.FetchAsync(cursor, CancellationToken.None)).NextCursor;
        var detailCalls = h.Server.CallCount(Details);
        h.Time.Advance(TimeSpan.FromSeconds(15));
        var batch = await h.Client.FetchAsync(cursor, CancellationToken.None);

        Assert.Empty(batch.Messages);
        Assert.Equal(detailCalls, h.Server.CallCount(Details));
    }
}
