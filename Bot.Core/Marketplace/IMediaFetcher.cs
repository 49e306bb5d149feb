namespace Bot.Core.Marketplace;

/// <summary>Downloads an image a marketplace message links to, so it can be uploaded to Telegram.</summary>
public interface IMediaFetcher
{
    /// <summary>The image's bytes, or null when it cannot be had or must not be fetched (gone, too large, not an image,
    /// not http(s), or on an address that is not public).</summary>
    Task<byte[]?> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken);
}
