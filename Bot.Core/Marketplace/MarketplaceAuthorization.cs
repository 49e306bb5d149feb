namespace Bot.Core.Marketplace;

/// <summary>The seller's authorization of the bridge on a marketplace: the tokens and when they end. A class, not a
/// record, so that no generated <c>ToString</c> ever prints a token.</summary>
/// <param name="AccessToken">Sent with every call. A secret.</param>
/// <param name="AccessExpiresAt">When the access token ends; null when unknown (a token given in configuration).</param>
/// <param name="RefreshToken">Gets a new access token; null when there is none. A secret.</param>
/// <param name="RefreshExpiresAt">When the refresh token ends (after it, the seller must authorize again).</param>
/// <param name="IssuedAt">When the access token was issued (the refresh schedule is a share of its lifetime).</param>
public sealed class MarketplaceAuthorization(
    string accessToken, DateTimeOffset? accessExpiresAt, string? refreshToken, DateTimeOffset? refreshExpiresAt, DateTimeOffset issuedAt)
{
    public string AccessToken { get; } = accessToken;

    public DateTimeOffset? AccessExpiresAt { get; } = accessExpiresAt;

    public string? RefreshToken { get; } = refreshToken;

    public DateTimeOffset? RefreshExpiresAt { get; } = refreshExpiresAt;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    public override string ToString() => $"authorization issued {IssuedAt:O}, access until {AccessExpiresAt:O}, refresh until {RefreshExpiresAt:O}";
}
