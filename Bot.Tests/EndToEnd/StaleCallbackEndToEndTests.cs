using System.Text.Json.Nodes;
using Bot.Testing;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.EndToEnd;

/// <summary>A button press that can no longer be answered (redelivered, or handled after Telegram's answer window).</summary>
public sealed class StaleCallbackEndToEndTests
{
    private const long Buyer = 7001;
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;

    [Fact]
    public async Task ButtonPressTooOldToAnswer_IsNotAFailedUpdate_AndTheNextUpdateFollowsAtOnce()
    {
        var logs = new CapturedLogs();
        await using var rig = await StaffGroupBridge.StartAsync(configure: b => b.Logging.AddProvider(logs), arrange: t => t.AddPrivateChat(Buyer, "Ann"));
        var telegram = rig.Telegram;

        // A query id Telegram no longer knows: answerCallbackQuery is refused with "query is too old".
        var chat = new JsonObject { ["id"] = Buyer, ["type"] = "private", ["first_name"] = "Ann" };
        telegram.EnqueueRaw(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "4242", ["from"] = new JsonObject { ["id"] = Buyer, ["is_bot"] = false, ["first_name"] = "Ann" }, ["chat_instance"] = "ci",
                ["data"] = "qr:ship", ["message"] = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = chat },
            },
        }.ToJsonString());
        telegram.EnqueueMessage(Buyer, Buyer, "Ann", "hello");

        await Eventually.TrueAsync(() => telegram.SentTo(Buyer).Count > 0, Timeout);
        Assert.DoesNotContain(logs.Entries, e => e.Category.EndsWith(".UpdateReceiver", StringComparison.Ordinal));
    }
}
