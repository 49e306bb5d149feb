using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Marketplace.AliExpress;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary><c>Marketplace:AliExpress:MessageApi</c>: Auto starts with versiontwo and switches to the IM family once,
/// when the gateway says versiontwo does not exist or is not permitted; the setting can also pin either family.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressFamilySwitchTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Sessions = "aliexpress/message/history/buyer/list";

    public static TheoryData<string> Refusals => new() { "missing", "not permitted" };

    private static FakeFault Refusal(string kind) => kind == "missing" ? FakeFault.ApiNotFound(Relations) : FakeFault.InsufficientPermission();

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Auto_VersionTwoRefusedMidRun_SwitchesToIm_WithoutLosingOrRepeatingAMessage(string refusal)
    {
        await using var h = await AliExpressHarness.StartAsync();
        var before = h.Server.AddBuyerMessage("8300000001", "ru1buyer", "Ivan", "Before the switch");
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        Assert.Equal([before], first.Messages.Select(m => m.MessageId));
        Assert.Contains("versiontwo", h.Client.Notice, StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromSeconds(15));
        h.Server.RetireVersionTwo(Refusal(refusal));
        var after = h.Server.AddBuyerMessage("8300000001", "ru1buyer", "Ivan", "After the switch");
        var second = await h.Client.FetchAsync(first.NextCursor, CancellationToken.None);

        // The IM listing reaches back over "before" (the overlap) but reports only what is new.
        Assert.Equal([after], second.Messages.Select(m => m.MessageId));
        Assert.Contains("IM (aliexpress/message/*)", h.Client.Notice, StringComparison.Ordinal);
        Assert.Contains("switched automatically", h.Client.Notice, StringComparison.Ordinal);
        var relations = h.Server.CallCount(Relations);

        h.Time.Advance(TimeSpan.FromSeconds(15));
        var idle = await h.Client.FetchAsync(second.NextCursor, CancellationToken.None);
        Assert.Empty(idle.Messages);
        Assert.Equal(relations, h.Server.CallCount(Relations)); // never back to versiontwo
    }

    [Fact]
    public async Task Auto_VersionTwoRefusingAReply_PostsItOverIm()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8300000002", "ru2buyer", "Olga", "Hello");
        var incoming = Assert.Single((await h.Client.FetchAsync(null, CancellationToken.None)).Messages);
        h.Server.RetireVersionTwo();

        await h.Client.SendAsync(new MarketplaceOutgoing(incoming.ConversationId, incoming.Kind, incoming.BuyerId, "Answer", incoming.ReplyContext), CancellationToken.None);

        var sent = Assert.Single(h.Server.Sent);
        Assert.Equal(("aliexpress/message/send", h.Server.ImBuyerIdOf("ru2buyer"), "Answer"), (sent.Method, sent.BuyerId, sent.Content));
        Assert.Equal(AliExpressMessageApi.Im, h.Get<AliExpressMessageFamily>().Current);
    }

    [Fact]
    public async Task Auto_AfterARestart_ResumesOnImFromTheStoredCursor_WithoutProbingVersionTwo()
    {
        string? cursor;
        await using (var before = await AliExpressHarness.StartAsync())
        {
            before.Server.RetireVersionTwo();
            before.Server.AddBuyerMessage("8300000003", "ru3buyer", "Pavel", "Hi");
            cursor = (await before.Client.FetchAsync(null, CancellationToken.None)).NextCursor;
        }

        await using var h = await AliExpressHarness.StartAsync();
        await h.Client.FetchAsync(cursor, CancellationToken.None);

        Assert.Equal(0, h.Server.CallCount(Relations));
        Assert.Equal(1, h.Server.CallCount(Sessions));
        Assert.Contains("before the last restart", h.Client.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionTwoPinned_NeverSwitches_TheRefusalReachesTheCore()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:MessageApi"] = "VersionTwo" });
        h.Server.RetireVersionTwo();

        await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(0, h.Server.CallCount(Sessions));
        Assert.Equal(AliExpressMessageApi.VersionTwo, h.Get<AliExpressMessageFamily>().Current);
    }

    [Fact]
    public async Task VersionTwoPinned_AfterPollingOverIm_ContinuesFromTheSameWatermark()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:MessageApi"] = "VersionTwo" });
        h.Server.AddBuyerMessage("8300000005", "ru5buyer", "Lev", "Old, read over IM");
        h.Time.Advance(TimeSpan.FromHours(2));
        var imCursor = new AliExpressImCursor(h.Time.GetUtcNow().AddMinutes(-5).ToUnixTimeMilliseconds()).Serialize();
        var fresh = h.Server.AddBuyerMessage("8300000005", "ru5buyer", "Lev", "New");

        var batch = await h.Client.FetchAsync(imCursor, CancellationToken.None);

        Assert.Equal([fresh], batch.Messages.Select(m => m.MessageId)); // not the day of InitialLookback again
        Assert.Equal(0, h.Server.CallCount(Sessions));
    }

    [Fact]
    public async Task Auto_OtherRefusals_DoNotSwitch()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.FailNext(Relations, FakeFault.ExpiredSession());

        await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(0, h.Server.CallCount(Sessions));
        Assert.Equal(AliExpressMessageApi.VersionTwo, h.Get<AliExpressMessageFamily>().Current);
    }

    [Fact]
    public async Task SelfCheck_OverIm_ChecksTheImListingsAndSaysWhatVersionTwoWouldNeed()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: AliExpressImContractTests.Im);
        h.Server.AddBuyerMessage("8300000004", "ru4buyer", "Anna", "Hi", kind: ConversationKind.Order);

        var report = await h.Get<AliExpressSelfCheck>().RunAsync(CancellationToken.None);

        // The IM listings and send, the unused mark call, then the order and dispute reads every family shares.
        Assert.Equal([true, true, null, null, true, true], report.Checks.Select(c => c.Allowed));
        Assert.Equal([Sessions, "aliexpress/message/list2", "aliexpress/message/send"], report.Checks.Take(3).Select(c => c.Method));
        Assert.Contains("querymsgrelationlist", report.Text(), StringComparison.Ordinal);
        Assert.Empty(h.Server.Sent);
        Assert.All(FakeAliExpressServer.VersionTwoMethods, m => Assert.Equal(0, h.Server.CallCount(m)));
    }
}
