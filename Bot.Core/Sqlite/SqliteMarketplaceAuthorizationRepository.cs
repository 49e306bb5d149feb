using Bot.Core.Marketplace;
using Bot.Core.Storage;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IMarketplaceAuthorizationRepository"/>.</summary>
internal sealed class SqliteMarketplaceAuthorizationRepository(IDbConnectionFactory connections) : IMarketplaceAuthorizationRepository
{
    private const string Select =
        """
        SELECT access_token AS AccessToken, access_expires_at AS AccessExpiresAt, refresh_token AS RefreshToken,
               refresh_expires_at AS RefreshExpiresAt, issued_at AS IssuedAt
        FROM marketplace_authorizations WHERE marketplace = @marketplace
        """;

    private const string Upsert =
        """
        INSERT INTO marketplace_authorizations (marketplace, access_token, access_expires_at, refresh_token, refresh_expires_at, issued_at)
        VALUES (@marketplace, @accessToken, @accessExpiresAt, @refreshToken, @refreshExpiresAt, @issuedAt)
        ON CONFLICT (marketplace) DO UPDATE SET
            access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
            refresh_token = excluded.refresh_token, refresh_expires_at = excluded.refresh_expires_at, issued_at = excluded.issued_at
        """;

    // Read at start and by the token refresher while idle, saved at start: statements, so that neither loads Dapper.
    private static readonly Statement SelectStatement = new(Select, "@marketplace");

    private static readonly Statement UpsertStatement = new(
        Upsert, "@marketplace", "@accessToken", "@accessExpiresAt", "@refreshToken", "@refreshExpiresAt", "@issuedAt");

    public async Task<MarketplaceAuthorization?> GetAsync(string marketplace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await SelectStatement.QueryAsync(connection, null, r => new MarketplaceAuthorization(
            r.GetString(0), Statement.TimeOrNull(r, 1), Statement.StringOrNull(r, 2), Statement.TimeOrNull(r, 3), Statement.Time(r, 4)), marketplace);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task SaveAsync(string marketplace, MarketplaceAuthorization authorization, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await UpsertStatement.ExecuteAsync(connection, null, marketplace, authorization.AccessToken, authorization.AccessExpiresAt,
            authorization.RefreshToken, authorization.RefreshExpiresAt, authorization.IssuedAt);
    }
}
