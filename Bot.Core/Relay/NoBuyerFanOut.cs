using Bot.Core.Storage;

namespace Bot.Core.Relay;

/// <summary>Used when buyers in Telegram are not enabled: nobody to copy the seller side to.</summary>
internal sealed class NoBuyerFanOut : IBuyerFanOut
{
    public Task EnqueueSellerSideAsync(DbSession session, long? conversationId, long? messageId) => Task.CompletedTask;
}
