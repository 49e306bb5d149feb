using System.Net;
using System.Runtime.CompilerServices;
using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Testing;

namespace Bot.Tests.Operations;

/// <summary>Alerts while Telegram is down or refuses the token, against the real host and the fake Bot API.</summary>
public sealed class AlertOutageTests : IAsyncLifetime
{
    private OperatorsFixture f = null!;

    public async Task InitializeAsync() => f = await OperatorsFixture.StartAsync();

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task TelegramDown_TheAlertIsOnThePage_AndInTheMetrics_AndInStatusOnceTelegramIsBack()
    {
        var health = f.Bridge.Get<BridgeHealth>();
        await Eventually.TrueAsync(() => health.StaffChat.Ok && health.Marketplace.Ok, OperatorsFixture.Timeout);
        f.Telegram.FailNext("sendMessage", 100_000, 502, "Bad Gateway");
        f.Marketplace.FailNextFetch(new MarketplaceException(MarketplaceErrorKind.Authorization, "IllegalAccessToken: the session expired"));

        var page = await PageWhenAsync(p => p.Contains("Marketplace refuses the account", StringComparison.Ordinal));
        Assert.Contains("not yet delivered to the operator chat", page, StringComparison.Ordinal);
        Assert.Contains("bridge_alerts_active 1", await f.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(f.OperatorMessages, m => m.VisibleText?.Contains("Marketplace refuses", StringComparison.Ordinal) == true);

        f.Telegram.ClearFailures();
        await f.OperatorMessageAsync("Marketplace refuses the account");
        var command = f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/status");
        var status = await f.OperatorMessageAsync("Alerts:");
        Assert.Equal(command, status.ReplyToMessageId);
        Assert.Contains("Marketplace refuses the account", status.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedToken_SaysToGetANewOneFromBotFather_AndOnceFixed_ThePageForgetsTheError()
    {
        var health = f.Bridge.Get<BridgeHealth>();
        await Eventually.TrueAsync(() => health.Telegram.Ok, OperatorsFixture.Timeout);
        f.Telegram.FailNext("getUpdates", 2, 401, "Unauthorized");

        // The alert list is refreshed on its own interval, the parts' states at once: wait for a page showing both (the
        // refusal lasts about 3 s here, two 401s and their back-off), not for a stale alert once Telegram answers again.
        var page = await PageWhenAsync(p => p.Contains("Telegram refuses the bot token", StringComparison.Ordinal)
            && p.Contains("needs an operator", StringComparison.Ordinal));
        Assert.Contains("BotFather", page, StringComparison.Ordinal);
        Assert.Contains("Telegram__BotToken", page, StringComparison.Ordinal);
        using (var ready = await f.Http.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        var fixedPage = await PageWhenAsync(p => p.Contains("<td data-label=\"Part\">Telegram</td><td data-label=\"State\" class=\"ok\">ok</td>", StringComparison.Ordinal)
            && !p.Contains("Telegram refuses", StringComparison.Ordinal));
        Assert.DoesNotContain("Unauthorized", fixedPage, StringComparison.Ordinal);
    }

    private Task<string> PageWhenAsync(Func<string, bool> condition, [CallerArgumentExpression(nameof(condition))] string what = "") =>
        f.PageWhenAsync("/", condition, what);
}
