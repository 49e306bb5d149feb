using Bot.Core.Retention;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

/// <summary>Buyer invitations long expired, for <see cref="DatabasePruner"/>.</summary>
public sealed class ExpiredInvitations(IDbConnectionFactory connections, IInviteRepository invites) : IRetentionTarget
{
    public string What => "expired invitations";

    public TimeSpan KeepFor(RetentionOptions options) => options.ExpiredInvitations;

    public async Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var deleted = await invites.PruneExpiredAsync(session, before, limit);
        await session.CommitAsync(cancellationToken);
        return deleted;
    }
}
