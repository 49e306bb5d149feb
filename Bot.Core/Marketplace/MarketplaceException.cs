namespace Bot.Core.Marketplace;

/// <summary>A marketplace call failed. <see cref="Exception.Message"/> carries the platform's own words.</summary>
public sealed class MarketplaceException : Exception
{
    public MarketplaceException(MarketplaceErrorKind kind, string message, string? code = null, string? requestId = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Code = code;
        RequestId = requestId;
    }

    /// <summary>The <see cref="Code"/> of a send refused because the adapter no longer holds a file it was given by an
    /// upload (one kept in memory until the post, gone after a restart): the core uploads the file again and posts once
    /// more.</summary>
    public const string UploadGone = "upload-gone";

    public MarketplaceErrorKind Kind { get; }

    public string? Code { get; }

    public string? RequestId { get; }
}
