namespace Bot.Stores;

/// <summary>The update offset of the shared poll, kept in every member's cursor.</summary>
internal sealed partial class SharedBot
{
    /// <summary>The highest offset stored by the members (each had it as long as it was a member).</summary>
    private async Task<(int Offset, DateTimeOffset At)> LoadOffsetAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        (int Offset, DateTimeOffset At) best = (0, now);
        Exception? failed = null;
        var read = false;
        foreach (var member in Members())
        {
            try
            {
                if (await member.LoadOffsetAsync(cancellationToken) is { } stored && (!read || stored.Offset > best.Offset))
                {
                    best = stored;
                    read = true;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failed = e;
            }
        }

        return read || failed is null ? best : throw failed;
    }

    private async Task SaveOffsetAsync(int offset, CancellationToken cancellationToken)
    {
        foreach (var member in Members())
        {
            try
            {
                await member.SaveOffsetAsync(offset, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogOffsetNotSaved(e, member.StoreId, offset);
            }
        }
    }
}
