using System.Text.Json.Nodes;

namespace Bot.Marketplace.AliExpress;

/// <summary>The self-check's calls for the IM family, each harmless: the conversation listing, and one buyer's messages
/// for buyer 0 (a business refusal about that buyer passed the gateway's permission check). <c>send</c> and
/// <c>session/open</c> have no harmless form: the first staff reply checks them.</summary>
internal static class AliExpressImSelfCheck
{
    public static async Task<List<AliExpressMethodCheck>> ChecksAsync(
        AliExpressImCaller im, long now, Func<string, string, Func<Task>, Task<AliExpressMethodCheck>> probe, CancellationToken cancellationToken) =>
    [
        await probe(AliExpressImMethods.Sessions, "list conversations", () => im.CallAsync(AliExpressImMethods.Sessions, "ae_im_query_session_dto",
            new JsonObject { ["page_size"] = 1, ["start_time"] = now }, retryable: true, cancellationToken)),
        await probe(AliExpressImMethods.Messages, "read messages", () => im.CallAsync(AliExpressImMethods.Messages, "im_query_message_dto",
            new JsonObject { ["buyer_id"] = 0, ["page_size"] = 1, ["start_time"] = now }, retryable: true, cancellationToken)),
        new(AliExpressImMethods.Send, "post replies", null,
            "not called (it has no harmless form); the first staff reply checks it, and staff see a refusal in the topic"),
        new("mark read / processed", "seller center state", null, "the IM family has no such API: nothing to call"),
    ];

    /// <summary>One line on the family not in use: what it needs, and whether Auto can still switch to it.</summary>
    public static string OtherFamily(AliExpressMessageFamily family, AliExpressMessageApi mode) => family.IsIm
        ? "The older family (versiontwo) would need querymsgrelationlist, querymsgdetaillist, addmsg, updatemsgprocessed and updatemsgread"
          + (mode == AliExpressMessageApi.Im ? " (MessageApi=Im: not used)." : " (Auto switched away from it).")
        : "The IM family (aliexpress/message/*) would need history/buyer/list, list2, send and session/open"
          + (mode == AliExpressMessageApi.Auto ? " (Auto switches to it when the gateway refuses versiontwo as missing or not permitted)." : " (MessageApi=VersionTwo: never used).");
}
