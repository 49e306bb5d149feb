using System.Collections.Concurrent;

namespace Bot.Marketplace.AliExpress;

/// <summary>The most rows the platform has served on one page, per method and requested page size, since start.</summary>
/// <remarks>The platform might serve fewer rows per page than asked for, so a short page alone does not prove a
/// listing ended. But a clamp can only be at least the largest page ever served: a page shorter than that is the last
/// one. Learning it once saves the confirming call on every later short listing.</remarks>
internal sealed class AliExpressPageSizes
{
    private readonly ConcurrentDictionary<(string Method, int PageSize), int> _largest = new();

    public int LargestServed(string method, int pageSize) => _largest.GetValueOrDefault((method, pageSize));

    public void Served(string method, int pageSize, int rows) =>
        _largest.AddOrUpdate((method, pageSize), rows, (_, known) => Math.Max(known, rows));
}
