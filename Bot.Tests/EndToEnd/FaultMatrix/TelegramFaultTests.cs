using Bot.Testing;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>Fault matrix, Telegram rows: each prints "row | lost | duplicates | recovered without operator".</summary>
[Harness.RunsLong]
public sealed class TelegramFaultTests(ITestOutputHelper output)
{
    private const long Staff = MatrixRig.Staff;

    private static int Refused(MatrixRig rig, string method, Func<int, bool> status) =>
        rig.Telegram.Requests.Count(c => c.Method == method && status(c.StatusCode));

    [Fact]
    public async Task TelegramServerErrors_LongerThanTheAttemptBudget_LoseNothing_AndRecoverWithoutOperator()
    {
        await using var rig = await MatrixRig.StartAsync();
        foreach (var method in new[] { "sendMessage", "setMessageReaction", "createForumTopic", "getUpdates" })
        {
            rig.Telegram.FailNext(method, 100_000, 502, "Bad Gateway");
        }

        await rig.WriteAsync(12, 8);
        // "For 10 minutes": scaled, the outage lasts until a delivery has failed more than Relay:MaxAttempts times.
        await rig.OutlastAsync(() => rig.Telegram.Requests.Count(c => c is { Method: "sendMessage", ChatId: Staff, StatusCode: >= 500 }));
        rig.Telegram.ClearFailures();

        await rig.FinishCleanAsync("Telegram 5xx, longer than the 8 attempts (10 min scaled)", output);
    }

    [Fact]
    public async Task TelegramTooManyRequestsStorm_WaitsAsTold_LosesNothing_AndRecoversWithoutOperator()
    {
        await using var rig = await MatrixRig.StartAsync();
        rig.Telegram.FailNext("sendMessage", 30, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        rig.Telegram.FailNext("setMessageReaction", 5, 429, "Too Many Requests: retry after 1", retryAfter: 1);

        await rig.WriteAsync(12, 8);

        await rig.FinishCleanAsync("Telegram 429 storm (35 x retry_after 1 s)", output);
        Assert.True(Refused(rig, "sendMessage", s => s == 429) >= 30);
    }

    [Fact]
    public async Task TelegramTimeouts_AreRetried_AtMostOneRepeatPerTimedOutCall()
    {
        // The client gives up after RequestTimeout + PollTimeoutSeconds = 2 s; the slow calls answer after 3 s and, as
        // with the real Telegram, still take effect: their outcome is unknown to the bridge, so each may be repeated.
        // One message per send, so a repeated call repeats one message (a merged send repeats each message it carried:
        // CrashRecoveryTests bounds those by sends).
        await using var rig = await MatrixRig.StartAsync(new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01", ["Relay:MergePosts"] = "false" });
        for (var i = 0; i < 3; i++)
        {
            rig.Telegram.DelayNext("sendMessage", TimeSpan.FromSeconds(3));
        }

        rig.Telegram.DelayNext("setMessageReaction", TimeSpan.FromSeconds(3));

        await rig.WriteAsync(12, 8);

        var row = await rig.FinishAsync("Telegram timeouts (4 calls slower than the client's timeout)", output);
        Assert.Equal((0, true), (row.Lost, row.RecoveredWithoutOperator));
        Assert.InRange(row.Duplicates, 0, 3); // reactions are not counted as messages
    }

    [Fact]
    public async Task TelegramDroppedConnections_AreRetried_LosingAndRepeatingNothing()
    {
        await using var rig = await MatrixRig.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            rig.Telegram.FailNextNetwork("sendMessage");
        }

        for (var i = 0; i < 3; i++)
        {
            rig.Telegram.FailNextNetwork("getUpdates");
            rig.Telegram.FailNextNetwork("setMessageReaction");
        }

        await rig.WriteAsync(12, 8);

        await rig.FinishCleanAsync("Telegram dropped connections (12 calls aborted)", output);
        Assert.True(Refused(rig, "sendMessage", s => s == 0) >= 6);
    }

    [Fact]
    public async Task BotRemovedFromTheStaffGroup_AlertsTheOperator_AndOnceAddedBackNothingIsLost()
    {
        await using var rig = await MatrixRig.StartAsync();
        rig.Telegram.RefuseChat(Staff, 403, "Forbidden: bot was kicked from the supergroup chat");

        rig.Traffic.AddBuyerMessages(12); // staff cannot answer while the bot is out of the group

        await Eventually.TrueAsync(() => rig.OperatorMessages.Count > 0, MatrixRig.Timeout);
        output.WriteLine($"  alert: {rig.OperatorMessages[0].VisibleText?.Split('\n')[0]}");
        rig.OperatorActed = true; // an operator adds the bot back
        rig.Telegram.ClearFailures();
        await rig.WaitOutboxAsync(o => o.Pending == 0);
        var dead = await rig.DeadLettersAsync();
        foreach (var id in dead)
        {
            rig.Command($"/retry {id}");
        }

        await rig.WriteAsync(0, 8);

        var row = await rig.FinishAsync($"Telegram 403, bot removed from the staff group (operator adds it back; {dead.Count} dead letters to /retry)", output);
        Assert.Equal(0, row.Lost);
        Assert.Equal(0, row.Duplicates);
    }

    [Fact]
    public async Task TopicDeletedWhileRelaying_IsRecreated_LosingNothing()
    {
        await using var rig = await MatrixRig.StartAsync();
        await rig.WriteAsync(0, 8);
        var topic = await rig.Traffic.TopicOfAsync(0, MatrixRig.Timeout);

        rig.Traffic.AddBuyerMessages(12);
        rig.Telegram.DeleteTopic(Staff, topic);

        var row = await rig.FinishAsync("Telegram \"message thread not found\" (topic deleted)", output);
        Assert.Equal((0, 0, true), (row.Lost, row.Duplicates, row.RecoveredWithoutOperator));
        Assert.NotEqual(topic, await rig.Traffic.TopicOfAsync(0, MatrixRig.Timeout));
    }
}
