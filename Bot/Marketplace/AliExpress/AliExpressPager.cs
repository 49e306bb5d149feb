using System.Text.Json;

namespace Bot.Marketplace.AliExpress;

/// <summary>When to stop paging a listing whose page size the platform may silently clamp.</summary>
/// <remarks>A short first page is not trusted to be the last one (the platform might serve fewer rows than asked
/// for); a page is the last when it is empty or shorter than an earlier page. That costs one extra call for listings
/// that fit on one page, and never skips rows. Only the first <see cref="Cap"/> rows of a listing are reachable.</remarks>
internal sealed class AliExpressPager(int cap)
{
    private int _largestPage;

    public int Rows { get; private set; }

    public int Cap { get; } = cap;

    /// <summary>True when the cap was reached: rows beyond it cannot be read with this query.</summary>
    public bool Capped => Rows >= Cap;

    /// <summary>Records a page and tells whether another page should be requested.</summary>
    public bool Next(IReadOnlyCollection<JsonElement> page)
    {
        Rows += page.Count;
        var last = page.Count == 0 || page.Count < _largestPage || Capped;
        _largestPage = Math.Max(_largestPage, page.Count);
        return !last;
    }
}
