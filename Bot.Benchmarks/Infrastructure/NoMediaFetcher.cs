using Bot.Core.Marketplace;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>The benchmark corpora carry no images.</summary>
internal sealed class NoMediaFetcher : IMediaFetcher
{
    public Task<byte[]?> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
}
