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

    public MarketplaceErrorKind Kind { get; }

    public string? Code { get; }

    public string? RequestId { get; }
}
