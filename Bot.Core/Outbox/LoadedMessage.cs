using Bot.Core.Conversations;
using Bot.Core.Messages;

namespace Bot.Core.Outbox;

/// <summary>What a delivery reads before it sends: the stored message, its conversation and the copies already made.</summary>
public sealed record LoadedMessage(StoredMessage Message, Conversation Conversation, IReadOnlyList<MessageCopy> Copies);
