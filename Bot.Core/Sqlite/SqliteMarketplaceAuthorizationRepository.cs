using Bot.Core.Marketplace;
using Bot.Core.Storage;
using Dapper;

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

    public async Task<MarketplaceAuthorization?> GetAsync(string marketplace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { marketplace }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new MarketplaceAuthorization(row.AccessToken, Time(row.AccessExpiresAt), row.RefreshToken, Time(row.RefreshExpiresAt),
                SqliteTypeHandlers.Parse(row.IssuedAt));
    }

    public async Task SaveAsync(string marketplace, MarketplaceAuthorization authorization, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, new
        {
            marketplace,
            accessToken = authorization.AccessToken,
            accessExpiresAt = authorization.AccessExpiresAt,
            refreshToken = authorization.RefreshToken,
            refreshExpiresAt = authorization.RefreshExpiresAt,
            issuedAt = authorization.IssuedAt,
        }, cancellationToken: cancellationToken));
    }

    private static DateTimeOffset? Time(string? value) => value is null ? null : SqliteTypeHandlers.Parse(value);

    private sealed record Row(string AccessToken, string? AccessExpiresAt, string? RefreshToken, string? RefreshExpiresAt, string IssuedAt)
    {
        public override string ToString() => nameof(Row); // Never the tokens.
    }
}
