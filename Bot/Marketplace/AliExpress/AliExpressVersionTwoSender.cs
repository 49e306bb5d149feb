using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Posts a reply with the versiontwo family's <c>addmsg</c> (<c>create_param</c>), into the order's comments or
/// the member chat its reply context names. Never retried automatically (see <see cref="AliExpressMarketplaceClient.SendAsync"/>).</summary>
internal sealed class AliExpressVersionTwoSender(IopClient iop, IOptions<AliExpressOptions> options)
{
    public async Task SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken)
    {
        var context = AliExpressReplyContext.TryParse(message.ReplyContext);
        if (message.Kind == ConversationKind.Order)
        {
            context = new AliExpressReplyContext(AliExpressReplyContext.Order,
                context?.MessageType == AliExpressReplyContext.Order ? context.ExternId : message.ConversationId);
        }
        else if (context is null || context.MessageType == AliExpressReplyContext.Order)
        {
            context = new AliExpressReplyContext(AliExpressReplyContext.Member, "0");
        }

        var create = new JsonObject
        {
            ["buyer_id"] = message.BuyerId,
            ["seller_id"] = options.Value.SellerLoginId,
            ["message_type"] = context.MessageType,
            ["extern_id"] = long.TryParse(context.ExternId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var externId)
                ? JsonValue.Create(externId)
                : JsonValue.Create(context.ExternId),
            ["content"] = message.Text,
        };
        if (message.ImageUrl is not null)
        {
            create["img_path"] = message.ImageUrl;
        }

        await iop.CallAsync(AliExpressMethods.AddMessage,
            new Dictionary<string, string> { ["create_param"] = create.ToJsonString() }, retryable: false, cancellationToken);
    }
}
