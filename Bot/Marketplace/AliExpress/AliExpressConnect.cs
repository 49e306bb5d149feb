using System.Security.Cryptography;
using System.Text;
using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Connecting a store: the platform's authorization link, and a code (from the callback or pasted by an
/// operator) exchanged for tokens that are stored. The link's <c>state</c> is derived from the app secret, so a
/// callback that does not carry it was not started by this bridge.</summary>
internal sealed class AliExpressConnect(
    AliExpressAuthClient auth, AliExpressTokens tokens, BridgeHealth health, IPollWakeUp poller, AliExpressSelfCheckSignal selfCheck,
    IOptions<AliExpressOptions> options, ILogger<AliExpressConnect> logger)
{
    public const string AuthorizeUrl = "https://api-sg.aliexpress.com/oauth/authorize";

    /// <summary>The seller's authorization link, or null when <c>CallbackUrl</c> is not set (the platform needs it).</summary>
    public string? Link()
    {
        var settings = options.Value;
        if (settings.CallbackUrl.Length == 0)
        {
            return null;
        }

        return $"{AuthorizeUrl}?response_type=code&force_auth=true&redirect_uri={Uri.EscapeDataString(settings.CallbackUrl)}"
            + $"&client_id={Uri.EscapeDataString(settings.AppKey)}&state={State()}";
    }

    /// <summary>Where to authorize, in words: the link, or which setting it needs.</summary>
    public string Where() => Link() is { } link
        ? $"open {link} and sign in as the seller (or send /connect for the steps)"
        : "set Marketplace__AliExpress__CallbackUrl to the callback URL of your app in the developer console, restart, then send /connect";

    public bool IsOurs(string? state) =>
        state is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(State()));

    /// <summary>Exchanges <paramref name="code"/> for tokens and stores them; polling and the self-check start at once.</summary>
    /// <exception cref="MarketplaceException">The platform refused the code or did not answer.</exception>
    public async Task<MarketplaceAuthorization> ExchangeAsync(string code, CancellationToken cancellationToken)
    {
        var authorization = await auth.CreateAsync(code.Trim(), cancellationToken);
        health.MarketplaceAuthorizationNotice = null; // before storing: the refresher sets the next one when it wakes
        await tokens.StoreAsync(authorization, cancellationToken);
        AliExpressTokenLog.Connected(logger);
        poller.Wake();
        selfCheck.Request();
        return authorization;
    }

    private string State()
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AppSecret), Encoding.UTF8.GetBytes("connect:" + options.Value.AppKey));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}
