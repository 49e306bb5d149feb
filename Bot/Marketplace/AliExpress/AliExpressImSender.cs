using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Posts with <c>aliexpress/message/send</c>: text as template 1, an image as template 3, both in scene 1
/// ("basic reception", INFERRED to be a person answering). Like <c>addmsg</c>, never retried automatically.</summary>
/// <remarks>The IM family names a buyer by a numeric <c>buyer_id</c>. A conversation the older family found carries
/// the buyer's login id instead: <c>session/open</c>, which takes <c>buyer_login_id</c> and answers
/// <c>current_buyer_id</c>, turns it into the number once per buyer (INFERRED, reference 3.6 and open point 5).
/// The answer of <c>send</c> is an untyped map: no message id is read from it, and the post comes back in a later
/// listing where the core matches it as an echo.</remarks>
internal sealed class AliExpressImSender(AliExpressImCaller caller)
{
    private readonly ConcurrentDictionary<string, long> _buyerIds = new(StringComparer.OrdinalIgnoreCase);

    public async Task SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken)
    {
        var buyerId = await BuyerIdAsync(message.BuyerId, cancellationToken);
        if (message.ImageUrl is { Length: > 0 } image)
        {
            await PostAsync(buyerId, 3, new JsonObject { ["img_url"] = image }, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            await PostAsync(buyerId, 1, new JsonObject { ["txt"] = message.Text }, cancellationToken);
        }
    }

    private Task PostAsync(long buyerId, int template, JsonObject content, CancellationToken cancellationToken) =>
        caller.CallAsync(AliExpressImMethods.Send, "im_send_message_dto", new JsonObject
        {
            ["buyer_id"] = buyerId,
            ["template_id"] = template,
            ["scene_id"] = 1,
            ["message_content_dto"] = content,
        }, retryable: false, cancellationToken);

    private async Task<long> BuyerIdAsync(string buyer, CancellationToken cancellationToken)
    {
        if (long.TryParse(buyer, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || _buyerIds.TryGetValue(buyer, out id))
        {
            return id;
        }

        var data = await caller.CallAsync(AliExpressImMethods.OpenSession, "im_session_open_dto",
            new JsonObject { ["buyer_login_id"] = buyer }, retryable: true, cancellationToken);
        if (IopJson.Long(data, "current_buyer_id") is not { } opened || IopJson.Str(data, "open_result") is "FAIL")
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"AliExpress opened no conversation with buyer {buyer} (session/open answered {IopJson.Str(data, "open_result") ?? "no buyer id"}).");
        }

        _buyerIds[buyer] = opened;
        return opened;
    }
}
