using Bot.Core.Conversations;

namespace Bot.Marketplace.Wildberries;

/// <summary>One chat from <c>GET /api/v1/seller/chats</c>: what is needed to answer in it and to show its card.</summary>
internal sealed record WildberriesChat(string ChatId, string? ReplySign, string? ClientName, OrderCard? Card);
