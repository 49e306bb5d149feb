using System.Net;
using System.Text.Json;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Operations;

/// <summary>The status page's headline and /readyz against the real host, the real AliExpress adapter and the fake
/// AliExpress server: a part that needs an operator is not hidden behind "ready".</summary>
public sealed class StatusHeadlineTests : IAsyncLifetime
{
    private const string Poll = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private FakeTelegramServer telegram = null!;
    private FakeAliExpressServer aliexpress = null!;
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        aliexpress = await FakeAliExpressServer.StartAsync();
        // The default bounds (a poll within 5 minutes): the failure must show without waiting for them.
        bridge = await BridgeHost.StartAsync(telegram, null, AliExpressEndToEndTests.Settings(aliexpress));
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await aliexpress.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task ExpiredSession_FirstFailedPoll_MakesReadyz503_AndTheHeadlineSaysAnOperatorIsNeeded()
    {
        await ReadyzAsync(HttpStatusCode.OK);
        var polls = aliexpress.CallCount(Poll);
        aliexpress.FailNext(Poll, FakeFault.ExpiredSession());

        var failing = await ReadyzAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(polls + 1, aliexpress.CallCount(Poll));
        var marketplace = failing.GetProperty("checks").GetProperty("marketplace");
        Assert.False(marketplace.GetProperty("ok").GetBoolean());
        Assert.Contains("invalid or expired", marketplace.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(bridge.Url) };
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<h1>Bridge: <span class=\"bad\">needs an operator</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"ok\">ready", page, StringComparison.Ordinal);
        var problems = page[page.IndexOf("<ul class=\"problems\">", StringComparison.Ordinal)..page.IndexOf("<h2>Checks", StringComparison.Ordinal)];
        Assert.Contains("invalid or expired", problems, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Check\">marketplace</td><td data-label=\"State\" class=\"bad\">failing</td>", page, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ReadyzAsync(HttpStatusCode wanted)
    {
        using var http = new HttpClient { BaseAddress = new Uri(bridge.Url) };
        JsonElement body = default;
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return response.StatusCode == wanted;
            },
            TimeSpan.FromSeconds(20),
            () => $"/readyz answering {wanted}; last: {body}");
        return body;
    }
}
