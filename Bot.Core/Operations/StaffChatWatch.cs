namespace Bot.Core.Operations;

/// <summary>What deliveries learn about the staff chat while the bridge runs. Telegram refusing a delivery into it
/// (the bot was removed from the group or lost its rights) fails the staff chat part at once, so /readyz, the page and
/// the "Staff chat unusable" alert show it without waiting for deliveries to count as stuck, and wakes the staff chat
/// check to look again; a delivery that goes through while the part is failing wakes the check too, so it clears.</summary>
public sealed class StaffChatWatch(BridgeHealth health) : IDisposable
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public void Dispose() => wake.Dispose();

    public void Refused(long chatId, string error)
    {
        health.StaffChatProblem($"Telegram refused a delivery into the staff chat {chatId} ({error}): add the bot back to the staff group as an administrator that manages topics.");
        Wake();
    }

    public void Delivered()
    {
        if (!health.StaffChat.Ok)
        {
            Wake();
        }
    }

    /// <summary>Completes when a delivery had news about the staff chat.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => wake.WaitAsync(cancellationToken);

    private void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken by another delivery at the same time: one wake-up is enough.
            }
        }
    }
}
