using System.Globalization;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Which message API family is in use, and the one switch <see cref="AliExpressMessageApi.Auto"/> makes.</summary>
/// <remarks>Auto starts with <c>aliexpress.message.redefining.versiontwo.*</c> and switches to the IM family for the
/// rest of the run when the gateway answers a call of the older family that the method does not exist
/// (<c>InvalidApiPath</c>/<c>InvalidApiName</c>, "does not exist") or is not permitted (<c>InsufficientPermission</c>,
/// <c>isv.permission-*</c>). It never switches back. The switch survives a restart through the poll cursor, which
/// the IM family writes with <c>"family":"im"</c>; a restart before the first poll re-probes with one call.
/// After a switch the self-check runs again (<see cref="AliExpressSelfCheckSignal"/>), so operators see the new family's methods.</remarks>
internal sealed class AliExpressMessageFamily(
    IOptions<AliExpressOptions> options, TimeProvider time, AliExpressSelfCheckSignal selfCheck, ILogger<AliExpressMessageFamily> logger)
{
    private readonly object _gate = new();
    private AliExpressMessageApi? _current;
    private string? _why;

    public AliExpressMessageApi Current => _current ?? (options.Value.MessageApi == AliExpressMessageApi.Im ? AliExpressMessageApi.Im : AliExpressMessageApi.VersionTwo);

    public bool IsIm => Current == AliExpressMessageApi.Im;

    /// <summary>True when Auto should leave the older family because of <paramref name="error"/>.</summary>
    public bool ShouldSwitch(MarketplaceException error) =>
        options.Value.MessageApi == AliExpressMessageApi.Auto && !IsIm && SaysMissingOrNotPermitted(error);

    public static bool SaysMissingOrNotPermitted(MarketplaceException error)
    {
        var text = $"{error.Code} {error.Message}";
        return new[] { "InvalidApiPath", "InvalidApiName", "InvalidMethod", "does not exist", "InsufficientPermission", "InsufficientISVPermissions", "isv.permission" }
            .Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Switches to the IM family (once; later calls change nothing).</summary>
    public void SwitchToIm(string method, MarketplaceException error) =>
        Use($"switched automatically at {Stamp()}: the gateway answered {Short(method)} with {error.Code ?? error.Message}", () =>
            AliExpressLog.FamilySwitched(logger, "versiontwo", "IM (aliexpress/message/*)", method, error.Code, error.Message));

    /// <summary>Auto after a restart: the stored cursor shows the run before had switched.</summary>
    public void AdoptIm() => Use("switched automatically before the last restart (the stored poll position is the IM family's)", () => { });

    /// <summary>One sentence for /status and the status page.</summary>
    public string Sentence()
    {
        var mode = options.Value.MessageApi;
        var family = IsIm ? "IM (aliexpress/message/*)" : "versiontwo (aliexpress.message.redefining.versiontwo.*)";
        var why = _why is null ? mode == AliExpressMessageApi.Auto ? " (Auto: switches to IM if the gateway refuses it)" : $" (MessageApi={mode})" : $" ({_why})";
        return $"AliExpress message API: {family}{why}.";
    }

    private void Use(string why, Action log)
    {
        lock (_gate)
        {
            if (IsIm)
            {
                return;
            }

            _current = AliExpressMessageApi.Im;
            _why = why;
        }

        log();
        selfCheck.Request();
    }

    private string Stamp() => time.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Short(string method) => method[(method.LastIndexOf('.') + 1)..];
}
