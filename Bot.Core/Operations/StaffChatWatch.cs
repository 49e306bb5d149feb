using Bot.Core.Chat;
using Bot.Core.Outbox;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations;

/// <summary>What deliveries learn about the staff chat while the bridge runs. Telegram refusing a delivery into it
/// (the bot was removed from the group or lost its rights) fails the staff chat part at once, so /readyz, the page and
/// the "Staff chat unusable" alert show it without waiting for deliveries to count as stuck, and wakes the staff chat
/// check to look again; a delivery that goes through while the part is failing wakes the check too, so it clears.</summary>
public sealed class StaffChatWatch(BridgeHealth health, IOptions<StaffChatOptions> options) : IDeliveryObserver, IDisposable
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public void Dispose() => wake.Dispose();

    public void Failed(OutboxItem item, Exception error)
    {
        // The bot was removed from the staff group or lost its rights: an operator is needed now, not once deliveries
        // count as stuck. The item itself still waits and is retried like any outage.
        if (error is ChatDeliveryException { Kind: ChatErrorKind.Forbidden } && IsStaffChat(item))
        {
            health.StaffChatProblem($"Telegram refused a delivery into the staff chat {item.ChatId} ({error.Message}): add the bot back to the staff group as an administrator that manages topics.");
            Wake();
        }
    }

    public void Delivered(OutboxItem item)
    {
        if (IsStaffChat(item) && !health.StaffChat.Ok)
        {
            Wake();
        }
    }

    /// <summary>Completes when a delivery had news about the staff chat.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => wake.WaitAsync(cancellationToken);

    private bool IsStaffChat(OutboxItem item) => item.ChatId is { } chatId && options.Value.IsStaffChat(chatId);

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
