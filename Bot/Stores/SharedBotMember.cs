using System.Globalization;
using Bot.Core.Buyers;
using Bot.Core.Operations;
using Bot.Core.Storage;
using Bot.TelegramApi;
using Microsoft.Extensions.Options;

namespace Bot.Stores;

/// <summary>One store's side of its bot's poll in a process of several stores (<see cref="SharedBot"/>): the store's
/// Telegram settings, health and cursor, and the durable taking of an update (handled, or parked in the store's own table);
/// plus what the poll asks to route a private chat: whether an invitation code, a linked buyer or an operator is the
/// store's.</summary>
internal sealed class SharedBotMember(
    IOptions<StoreOptions> store,
    ParkedUpdateRetrier updates,
    ICursorRepository cursors,
    BridgeHealth health,
    IDbConnectionFactory connections,
    IBuyerLinkRepository links,
    IInviteRepository invites,
    IOptions<OperatorOptions> operators,
    IOptions<TelegramOptions> telegram)
{
    public string StoreId => store.Value.Id;

    /// <summary>The store's Telegram settings (its token, the Bot API's address, the poll's timeouts).</summary>
    public TelegramOptions Telegram => telegram.Value;

    public BridgeHealth Health => health;

    /// <summary>Hands the update to the store: when this returns, it is handled or parked in the store's database; it
    /// throws only when neither could be done.</summary>
    public Task TakeAsync(RawUpdate raw, CancellationToken cancellationToken) =>
        raw.Update is { } update ? updates.HandleOrParkAsync(update, cancellationToken) : updates.ParkUndecodableAsync(raw, cancellationToken);

    /// <summary>Whether <paramref name="code"/> is one of the store's invitations (used or not: the store answers it).</summary>
    public async Task<bool> KnowsInviteAsync(string code, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        return await invites.FindByHashAsync(session, InviteCodes.Hash(code)) is not null;
    }

    /// <summary>Whether the Telegram user is linked to one of the store's buyers.</summary>
    public async Task<bool> KnowsUserAsync(long userId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        return await links.FindByUserAsync(session, userId) is not null;
    }

    public bool IsOperator(long userId) => operators.Value.IsOperator(userId);

    /// <summary>The store's stored offset and when it was set, or null when it has none.</summary>
    public async Task<(int Offset, DateTimeOffset At)?> LoadOffsetAsync(CancellationToken cancellationToken) =>
        await cursors.GetWithTimeAsync(UpdateReceiver.OffsetCursor, cancellationToken) is { } stored
        && int.TryParse(stored.Value, CultureInfo.InvariantCulture, out var offset)
            ? (offset, stored.UpdatedAt)
            : null;

    public Task SaveOffsetAsync(int offset, CancellationToken cancellationToken) =>
        cursors.SetAsync(UpdateReceiver.OffsetCursor, offset.ToString(CultureInfo.InvariantCulture), cancellationToken);
}
