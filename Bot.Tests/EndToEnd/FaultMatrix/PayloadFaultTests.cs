using System.Text.Json.Nodes;
using Bot.Testing.AliExpress;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>Fault matrix, malformed and out-of-range payloads from both platforms.</summary>
public sealed class PayloadFaultTests(ITestOutputHelper output)
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";

    [Fact]
    public async Task MalformedAndOutOfRangeMarketplaceAnswers_AreSkipped_AndEverythingElseArrives()
    {
        await using var rig = await MatrixRig.StartAsync();
        rig.AliExpress.FailNext(Relations, FakeFault.MalformedJson());
        rig.AliExpress.FailNext(Relations, FakeFault.HtmlPage(200));
        rig.AliExpress.FailNext(Details, FakeFault.MalformedJson());
        rig.AliExpress.AnswerNext(Relations, OutOfRangeRelations());

        await rig.WriteAsync(12, 8);

        await rig.FinishCleanAsync("Malformed and out-of-range AliExpress answers", output);
    }

    [Fact]
    public async Task OutOfRangeAndUnknownTelegramUpdates_AreSkipped_AndEverythingElseArrives()
    {
        await using var rig = await MatrixRig.StartAsync();
        rig.Telegram.EnqueueRaw("""{"message": {"message_id": 1, "date": 1, "chat": {"id": -1001000000001, "type": "supergroup"}, "message_thread_id": 999999, "text": "x"}}""");
        rig.Telegram.EnqueueRaw("""{"message": {"message_id": 2147483647, "date": 4102444800, "chat": {"id": -1009999999999, "type": "channel"}}}""");
        rig.Telegram.EnqueueRaw("""{"some_future_update": {"id": 1}}""");

        await rig.WriteAsync(12, 8);

        await rig.FinishCleanAsync("Out-of-range and unknown Telegram updates", output);
    }

    [Fact]
    public async Task TelegramUpdatesTheClientCannotDecode_AreSkipped_AndEverythingElseArrives()
    {
        await using var rig = await MatrixRig.StartAsync();
        rig.Telegram.EnqueueRaw("""{"message": {"message_id": "one", "chat": {}}}""");
        rig.Telegram.EnqueueRaw("""{"edited_message": 5}""");
        rig.Telegram.EnqueueRaw("""{"message": {"message_id": 4, "date": -1, "chat": {"id": -1001000000001, "type": "supergroup"}, "text": "before 1970"}}""");
        rig.Telegram.EnqueueRaw("""{"message": {"message_id": 3, "date": 253402300800, "chat": {"id": -1001000000001, "type": "supergroup"}, "text": "year 10000"}}""");

        await rig.WriteAsync(12, 8);

        await rig.FinishCleanAsync("Telegram updates of the wrong JSON types", output);
    }

    /// <summary>A relation listing whose rows have wrong types, impossible ids and times out of range.</summary>
    private static JsonObject OutOfRangeRelations() => new()
    {
        [Relations.Replace('.', '_') + "_response"] = new JsonObject
        {
            ["request_id"] = "fake-out-of-range",
            ["result"] = new JsonObject
            {
                ["is_success"] = true,
                ["relation_list"] = new JsonObject
                {
                    ["relation_result"] = new JsonArray(
                        new JsonObject { ["channel_id"] = "not-a-number", ["order_id"] = -1, ["other_login_id"] = null, ["message_time"] = -5 },
                        new JsonObject
                        {
                            ["channel_id"] = JsonValue.Create(decimal.MaxValue), ["order_id"] = "3009", ["other_login_id"] = "x",
                            ["last_message_id"] = "99999999999999999999999999", ["message_time"] = 253_402_300_800_000L, ["unread_count"] = "many",
                        }),
                },
            },
        },
    };
}
