using System.Diagnostics;
using System.Net;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.Operations;

/// <summary>With the shipped long polls of 25 s and nobody writing, the bridge is ready within its start-up: the
/// first poll of Telegram asks without waiting, so its answer comes at once instead of after the first long poll.</summary>
public sealed class ReadinessAtStartTests
{
    private static readonly TimeSpan WellBeforeALongPoll = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task QuietBot_WithShippedLongPolls_IsReady_BeforeTheFirstLongPollWouldEnd()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Staff");
        var clock = Stopwatch.StartNew();
        await using var bridge = await BridgeHost.StartAsync(telegram, new InMemoryMarketplace(),
            new Dictionary<string, string?> { ["Telegram:PollTimeoutSeconds"] = "25" });
        using var http = new HttpClient { BaseAddress = new Uri(bridge.Url) };

        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK;
            },
            WellBeforeALongPoll,
            () => $"/readyz 200 within {WellBeforeALongPoll.TotalSeconds} s of start (a long poll lasts 25 s)");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"ready after {clock.Elapsed.TotalSeconds:F1} s");
        // Only the first poll is short: the next one is held (a long poll), so the bot does not ask in a loop.
        await Eventually.TrueAsync(() => telegram.CallCount("getUpdates") >= 2, WellBeforeALongPoll);
        Assert.Equal(2, telegram.CallCount("getUpdates"));
        Assert.Single(telegram.Requests, r => r.Method == "getUpdates");
    }
}
