using System.Globalization;

namespace Bot.Marketplace.AliExpress;

/// <summary>One run of the self-check.</summary>
internal sealed record AliExpressSelfCheckReport(DateTimeOffset At, IReadOnlyList<AliExpressMethodCheck> Checks)
{
    /// <summary>What the message API family not in use would need, for the operator chat's note.</summary>
    public string? OtherFamily { get; init; }

    public IReadOnlyList<AliExpressMethodCheck> Refused => Checks.Where(c => c.Allowed == false).ToList();

    /// <summary>One sentence for /status and the status page.</summary>
    public string Summary()
    {
        var stamp = At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var called = Checks.Count(c => c.Allowed is not null);
        var refused = Refused;
        return refused.Count == 0
            ? $"AliExpress self-check ({stamp}): all {called} methods called are allowed (/selfcheck for details)."
            : $"AliExpress self-check ({stamp}): {refused.Count} of {called} methods refused: "
              + string.Join("; ", refused.Select(r => $"{r.ShortName}: {r.Words}. What to do: {r.Advice}")) + ".";
    }

    /// <summary>The operator chat's note: one line per method (plain text; the sender escapes it).</summary>
    public string Text() =>
        $"AliExpress self-check: what this app may call\n{string.Join('\n', Checks.Select(c => c.Line()))}\n{(OtherFamily is null ? "" : OtherFamily + "\n")}/selfcheck runs it again.";
}
