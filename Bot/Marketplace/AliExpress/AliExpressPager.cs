using System.Text.Json;

namespace Bot.Marketplace.AliExpress;

/// <summary>When to stop paging a listing whose page size the platform may silently clamp.</summary>
/// <remarks>A short page is the last one when it is empty, or shorter than a page the platform served before for the
/// same method and page size (in this listing or an earlier one, see <see cref="AliExpressPageSizes"/>). Otherwise one
/// more page confirms the end: that never skips rows, and costs the extra call only until the served size is learned.
/// Only the first <see cref="Cap"/> rows of a listing are reachable.</remarks>
internal sealed class AliExpressPager(int cap, AliExpressPageSizes sizes, string method, int pageSize)
{
    private int _largestPage = sizes.LargestServed(method, pageSize);

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
        sizes.Served(method, pageSize, page.Count);
        return !last;
    }
}
