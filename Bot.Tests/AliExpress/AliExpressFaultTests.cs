using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Testing;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>Garbled answers, server errors and retries: failures surface as the right kind and lose nothing.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressFaultTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";
    private const string AddMsg = "aliexpress.message.redefining.versiontwo.addmsg";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static TheoryData<string, FakeFault> GarbledAnswers() => new()
    {
        { Relations, FakeFault.HtmlPage() },
        { Relations, FakeFault.MalformedJson() },
        { Details, FakeFault.HtmlPage() },
        { Details, FakeFault.MalformedJson() },
    };

    [Theory]
    [MemberData(nameof(GarbledAnswers))]
    public async Task Fetch_GarbledAnswer_IsTransientAndTheSameCursorStillReturnsEverything(string method, FakeFault fault)
    {
        await using var h = await AliExpressHarness.StartAsync();
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var ids = new[]
        {
            h.Server.AddBuyerMessage("8700000001", "b1", "B1", "one"),
            h.Server.AddBuyerMessage("8700000002", "b2", "B2", "two"),
        };
        h.Server.FailNext(method, fault);

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(first.NextCursor, CancellationToken.None));
        var retry = await h.Client.FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Equal(ids.Order(), retry.Messages.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Fetch_FailureAfterSomeRelations_KeepsTheCursorBeforeThem()
    {
        await using var h = await AliExpressHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            h.Server.AddBuyerMessage($"870000010{i}", $"b{i}", "B", $"m{i}", at: AliExpressHarness.Start.AddMinutes(-10 + i));
        }

        // The first relation's details succeed, the second's fail.
        h.Server.FailNext(Details, FakeFault.Slow(TimeSpan.Zero));
        h.Server.FailNext(Details, FakeFault.PlatformError("isp.remote-service-error", message: "backend busy"));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));
        var retry = await h.Client.FetchAsync(null, CancellationToken.None);

        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Equal(3, retry.Messages.Count);
    }

    [Fact]
    public async Task Fetch_BadGatewayTwice_IsRetriedByTheResilienceHandlerAndSucceeds()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8700000201", "b1", "B1", "hello");
        h.Server.FailNext(Relations, FakeFault.Status(502), times: 2);

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        Assert.Single(batch.Messages);
        Assert.Equal(4, h.Server.CallCount(Relations)); // 2 failures, then page 1 and the empty page 2.
    }

    [Fact]
    public async Task Fetch_ServiceUnavailableWithRetryAfter_RetriesAfterThatDelay()
    {
        var delays = new List<TimeSpan>();
        await using var h = await AliExpressHarness.StartAsync(resilience: r => r.Retry.OnRetry = args =>
        {
            delays.Add(args.RetryDelay);
            return ValueTask.CompletedTask;
        });
        h.Server.AddBuyerMessage("8700000202", "b1", "B1", "hello");
        h.Server.FailNext(Relations, FakeFault.Status(503, retryAfter: TimeSpan.FromSeconds(5)));

        // The back-off runs on the injected clock: move it until the retry has happened.
        var fetch = h.Client.FetchAsync(null, CancellationToken.None);
        await Eventually.TrueAsync(
            () =>
            {
                h.Time.Advance(TimeSpan.FromSeconds(1));
                return fetch.IsCompleted;
            },
            Patience,
            "the fetch to complete after its retry");

        Assert.Single((await fetch).Messages);
        Assert.Equal([TimeSpan.FromSeconds(5)], delays);
    }

    [Fact]
    public async Task Fetch_ServerErrorsBeyondTheRetries_IsTransient()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.FailNext(Relations, FakeFault.Status(500), times: 10);

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Equal(4, h.Server.CallCount(Relations)); // the first attempt and the standard handler's 3 retries
    }

    [Fact]
    public async Task Send_BadGateway_IsNotRetriedBecauseThePostMayExist()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8700000301", "b1", "B1", "hello");
        h.Server.FailNext(AddMsg, FakeFault.Status(502));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() =>
            h.Client.SendAsync(new MarketplaceOutgoing("8700000301", ConversationKind.Order, "b1", "reply"), CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Equal(1, h.Server.CallCount(AddMsg));
    }

    [Fact]
    public async Task Fetch_GatewayTooSlowOnEveryAttempt_IsTransient()
    {
        await using var h = await AliExpressHarness.StartAsync(resilience: r =>
        {
            r.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(100);
            r.Retry.MaxRetryAttempts = 1;
        });
        h.Server.FailNext(Relations, FakeFault.Slow(TimeSpan.FromSeconds(30)), times: 2);

        // The resilience pipeline runs on the injected clock: each attempt times out when the fake clock moves.
        var fetch = h.Client.FetchAsync(null, CancellationToken.None);
        await Eventually.TrueAsync(() => h.Server.CallCount(Relations) == 1, Patience);
        h.Time.Advance(TimeSpan.FromMilliseconds(150));
        await Eventually.TrueAsync(() => h.Server.CallCount(Relations) == 2, Patience);
        h.Time.Advance(TimeSpan.FromMilliseconds(150));
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => fetch);

        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Equal(2, h.Server.CallCount(Relations));
    }

    [Fact]
    public async Task Fetch_ThrottledByThePlatform_IsTransient()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.FailNext(Relations, FakeFault.PlatformError("ApiCallLimit", message: "This ban will last for 1 more seconds"));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Equal("ApiCallLimit", error.Code);
        Assert.NotNull(error.RequestId);
    }
}
