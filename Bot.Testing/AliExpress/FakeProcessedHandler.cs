using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary><c>aliexpress.message.redefining.versiontwo.updatemsgprocessed</c> (reference 4.1): <c>channel_id</c> and
/// <c>deal_stat</c> ("0" not processed, "1" processed) are both required; the answer carries <c>is_success</c>, and
/// <c>error_msg</c>/<c>sub_error_code</c> when it failed. The wrapper key follows the <c>/sync</c> rule (inferred), and the
/// texts of the failures are the fake's own (the platform's are not public).</summary>
internal sealed class FakeProcessedHandler(FakeAliExpressState state, FakeResponseWriter writer)
{
    public const string Method = "aliexpress.message.redefining.versiontwo.updatemsgprocessed";

    public JsonObject Handle(IReadOnlyDictionary<string, string> parameters)
    {
        var channelId = parameters.GetValueOrDefault("channel_id") ?? "";
        var dealStat = parameters.GetValueOrDefault("deal_stat") ?? "";
        if (channelId.Length == 0 || dealStat.Length == 0)
        {
            // The SDKs check both as required before sending; TOP's gateway answers a missing one like this.
            var missing = channelId.Length == 0 ? "channel_id" : "deal_stat";
            return writer.Error("40", "isv.missing-parameter:" + missing, "Missing required arguments:" + missing, topLevel: false);
        }

        if (dealStat is not ("0" or "1"))
        {
            return writer.Success(Method, new JsonObject { ["is_success"] = false, ["error_msg"] = "deal_stat must be 0 or 1", ["sub_error_code"] = 1002 });
        }

        lock (state.Gate)
        {
            if (state.Find(channelId) is null)
            {
                return writer.Success(Method, new JsonObject { ["is_success"] = false, ["error_msg"] = "channel not found", ["sub_error_code"] = 1001 });
            }

            state.Processed.Add((channelId, dealStat));
        }

        return writer.Success(Method, new JsonObject { ["is_success"] = true });
    }
}
