using Bot.TelegramApi;

namespace Bot.Stores;

/// <summary>The hand-off of one polled update to the store it belongs to.</summary>
internal sealed partial class SharedBot
{
    /// <summary>Routes the update and hands it to its store; false when it stays held (its store cannot take it now).</summary>
    private async Task<bool> HandAsync(RawUpdate raw, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, StoreChats> stores;
        IReadOnlyList<SharedBotMember> members;
        lock (gate)
        {
            stores = new Dictionary<string, StoreChats>(registered, StringComparer.Ordinal);
            members = [.. joined.Values];
        }

        var target = "";
        try
        {
            var route = await SharedBotRoutes.RouteAsync(raw, stores, members, cancellationToken);
            if (route is null)
            {
                LogHeld(raw.Id, botId, "its store is not taking updates yet");
                return false;
            }

            target = route.StoreId;
            await route.TakeAsync(raw, cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogHeldAfterError(e, raw.Id, botId, target.Length > 0 ? target : "its store");
            return false;
        }
    }
}
