using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Operations;

namespace Bot.Marketplace.AliExpress;

/// <summary>/connect: the link with which the seller authorizes the bridge, and <c>/connect &lt;code&gt;</c> for a
/// bridge that the browser cannot reach (the code is the <c>code=</c> part of the address the browser ends on).
/// Operators only, like every command of the operator chat. Never repeats a token or the code.</summary>
internal sealed class ConnectCommand(AliExpressConnect connect) : IOperatorCommand
{
    public string Name => "connect";

    public string Help => "/connect: authorize the bridge for the AliExpress store; /connect &lt;code&gt; takes a code pasted from the browser";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var code = arguments.Trim();
        if (code.Length == 0)
        {
            return connect.Link() is { } link
                ? "To connect the AliExpress store:\n1. Open " + Html.Link(link, "this authorization link") + " and sign in with the seller account.\n"
                  + "2. Press Authorize. The bridge receives the code by itself when its address is reachable from your browser.\n"
                  + "3. Otherwise copy the <code>code=</code> value from the address your browser ends on and send <code>/connect &lt;code&gt;</code> here."
                : "To connect the AliExpress store, set Marketplace__AliExpress__CallbackUrl to the callback URL of your app in the AliExpress developer console (e.g. https://your-bridge/aliexpress/callback), restart the bridge and send /connect again.";
        }

        try
        {
            var authorization = await connect.ExchangeAsync(code, cancellationToken);
            var until = authorization.AccessExpiresAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown time";
            return $"✅ Connected to the AliExpress store; the bridge renews the authorization by itself (the current token is valid until {until}).";
        }
        catch (MarketplaceException e) when (e.Kind == MarketplaceErrorKind.Transient)
        {
            return "The store is not connected yet: AliExpress did not answer. Send the same /connect &lt;code&gt; again in a minute.";
        }
        catch (MarketplaceException e)
        {
            return Html.Escape($"The store is not connected: AliExpress refused the code ({e.Code ?? e.Kind.ToString()}). Codes can be used once and expire quickly: send /connect for a new link.");
        }
    }
}
