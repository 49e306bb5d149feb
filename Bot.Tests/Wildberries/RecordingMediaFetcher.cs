using Bot.Core.Marketplace;

namespace Bot.Tests.Wildberries;

/// <summary>Stands in for the public-address fetcher: records what it was asked for.</summary>
internal sealed class RecordingMediaFetcher : IMediaFetcher
{
    public List<string> Asked { get; } = [];

    public Task<byte[]?> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken)
    {
        Asked.Add(url);
        return Task.FromResult<byte[]?>([1, 2, 3]);
    }
}
