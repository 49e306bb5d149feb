using System.Text.Json.Nodes;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>Rows the adapter cannot read are set aside with a reason; the rest of the fetch is unaffected.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressMalformedRowTests
{
    [Theory]
    [InlineData("1e20")]
    [InlineData("-5")]
    [InlineData("\"not a date\"")]
    [InlineData("{\"nested\":1}")]
    public async Task Fetch_DetailWithUnreadableTime_IsSetAside_AndTheOthersAreReturned(string gmtCreate)
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8700000001", "b1", "B1", "good one", at: AliExpressHarness.Start.AddMinutes(-3));
        var bad = h.Server.AddRawBuyerMessage("8700000001", "b1", "B1", new JsonObject { ["gmt_create"] = JsonNode.Parse(gmtCreate) },
            at: AliExpressHarness.Start.AddMinutes(-2));
        h.Server.AddBuyerMessage("8700000002", "b2", "B2", "good two", at: AliExpressHarness.Start.AddMinutes(-1));

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        Assert.Equal(["good one", "good two"], batch.Messages.Select(m => m.Text));
        var setAside = Assert.Single(batch.SetAside!);
        Assert.Equal(("8700000001", bad), (setAside.ConversationId, setAside.ItemId));
        Assert.Contains("gmt_create", setAside.Reason);
    }

    [Fact]
    public async Task Fetch_DetailWithoutId_IsSetAsideUnderADigestOfItsText()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddRawBuyerMessage("8700000004", "b4", "B4", new JsonObject { ["id"] = null, ["content"] = "no id" }, at: AliExpressHarness.Start.AddMinutes(-1));
        h.Server.AddBuyerMessage("8700000004", "b4", "B4", "with an id", at: AliExpressHarness.Start.AddMinutes(-1));

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        Assert.Equal(["with an id"], batch.Messages.Select(m => m.Text));
        var setAside = Assert.Single(batch.SetAside!);
        Assert.StartsWith("sha256:", setAside.ItemId, StringComparison.Ordinal);
        Assert.Contains("no id", setAside.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RelationWithUnreadableMessageTime_StillYieldsItsMessages()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8700000003", "b3", "B3", "in a broken relation", at: AliExpressHarness.Start.AddMinutes(-1));
        h.Server.SetRawRelationFields("8700000003", new JsonObject { ["message_time"] = 1e20 });

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        Assert.Equal(["in a broken relation"], batch.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Fetch_LoneSurrogateEscapesInAnswers_AreReadAsReplacementCharacters()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8700000005", "b5", "B5", "placeholder", at: AliExpressHarness.Start.AddMinutes(-1));
        var relations = """
            {"aliexpress_message_redefining_versiontwo_querymsgrelationlist_response": {"result": {"is_success": true, "relation_list": {"relation_result": [
              {"channel_id": 8700000005, "order_id": 8700000005, "other_login_id": "b5", "other_name": "Ann\ud800", "message_time": MS}]}}}}
            """.Replace("MS", AliExpressHarness.Start.AddMinutes(-1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var details = """
            {"aliexpress_message_redefining_versiontwo_querymsgdetaillist_response": {"result": {"is_success": true, "message_detail_list": {"message_detail": [
              {"id": 31000000001, "gmt_create": MS, "content": "half an emoji \udc00, a whole one \ud83d\ude00, a literal \\ud800", "message_type": "order", "summary": {"sender_login_id": "b5"}}]}}}}
            """.Replace("MS", AliExpressHarness.Start.AddMinutes(-1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        h.Server.FailNext("aliexpress.message.redefining.versiontwo.querymsgrelationlist", new FakeFault { RawBody = relations, RawContentType = "application/json" });
        h.Server.FailNext("aliexpress.message.redefining.versiontwo.querymsgdetaillist", new FakeFault { RawBody = details, RawContentType = "application/json" });

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        var message = Assert.Single(batch.Messages);
        Assert.Equal("half an emoji \uFFFD, a whole one 😀, a literal \\ud800", message.Text);
        Assert.Equal("Ann\uFFFD", message.BuyerName);
    }
}
