namespace Bot.Marketplace.AliExpress;

/// <summary>What the self-check found for one method: whether the app may call it, in the platform's words, and what
/// to do when it may not.</summary>
/// <param name="Allowed">True: allowed; false: refused or unanswered; null: not called (see <paramref name="Words"/>).</param>
internal sealed record AliExpressMethodCheck(string Method, string Purpose, bool? Allowed, string Words, string? Advice = null)
{
    /// <summary>The short API name, e.g. <c>querymsgdetaillist</c>.</summary>
    /// <summary>The method's last name part ("querymsgdetaillist"), or its last two when the last says nothing
    /// ("issues.get").</summary>
    public string ShortName => Method.Split('.') is [.., var before, "get"] ? before + ".get" : Method[(Method.LastIndexOf('.') + 1)..];

    /// <summary>One line: the method, its verdict and the advice.</summary>
    public string Line()
    {
        var icon = Allowed switch { true => "✅", false => "❌", null => "⏭" };
        return $"{icon} {ShortName} ({Purpose}): {Words}{(Advice is null ? "" : ". What to do: " + Advice)}";
    }
}
