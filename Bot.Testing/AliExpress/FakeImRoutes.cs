using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary>Adds the IM family to the fake's <c>/sync</c> methods, and says how the gateway checks their signature.</summary>
internal static class FakeImRoutes
{
    public static void Add(Dictionary<string, Func<IReadOnlyDictionary<string, string>, JsonObject>> methods, FakeAliExpressState state,
        FakeResponseWriter writer, FakeAliExpressServerOptions options)
    {
        var im = new FakeImWriter(writer, options);
        var listings = new FakeImListingHandlers(state, im);
        var sends = new FakeImSendHandlers(state, im);
        methods[FakeImListingHandlers.Sessions] = listings.ListSessions;
        methods[FakeImListingHandlers.Messages] = listings.ListMessages;
        methods[FakeImSendHandlers.Send] = sends.SendMessage;
        methods[FakeImSendHandlers.OpenSession] = sends.Open;
    }

    /// <summary>The string put in front of the signed parameters of <paramref name="method"/>: the API name for an IM
    /// API when <see cref="FakeAliExpressServerOptions.ImSignatureWithPrefix"/>, else nothing.</summary>
    public static string? SignPrefix(string method, FakeAliExpressServerOptions options) =>
        options.ImSignatureWithPrefix && method.StartsWith("aliexpress/message/", StringComparison.Ordinal) ? method : null;
}
