using Bot.Core.Storage;

namespace Bot.Core.Messages;

/// <summary>Sends the seller side of a conversation on to the buyer's Telegram chat, when the buyer linked one.</summary>
public interface IBuyerFanOut
{
    /// <summary>Enqueues, in the caller's transaction, a copy of the message for every Telegram chat linked to the
    /// conversation's buyer.</summary>
    Task EnqueueSellerSideAsync(DbSession session, long? conversationId, long? messageId);
}
