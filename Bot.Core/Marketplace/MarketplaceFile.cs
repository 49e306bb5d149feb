namespace Bot.Core.Marketplace;

/// <summary>A file (not a picture) a marketplace message carries, fetched with <see cref="IMediaFetcher"/> from
/// <paramref name="Url"/> and shown to staff as a document.</summary>
/// <param name="Size">Its size in bytes when the marketplace says.</param>
public sealed record MarketplaceFile(string Url, string Name, string? ContentType = null, long? Size = null);
