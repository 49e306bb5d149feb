namespace Bot.Testing.BotApi;

/// <summary>Users who blocked the bot. Telegram then refuses whatever the bot sends to their private chat with
/// 403 "Forbidden: bot was blocked by the user" until the user writes to the bot again (the client's "Restart").</summary>
internal static class BlockedChats
{
    public const string Description = "Forbidden: bot was blocked by the user";

    /// <summary>Methods that only read and still work for a blocked chat.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "getChat", "getChatMember" };

    public static void ThrowIfBlocked(FakeTelegramState state, BotApiRequest request)
    {
        if (Allowed.Contains(request.Method) || !long.TryParse(request.String("chat_id"), out var chatId))
        {
            return;
        }

        if (state.FindChat(chatId) is { IsPrivate: true, BotBlocked: true })
        {
            throw new BotApiException(403, Description);
        }
    }

    /// <summary>A user writing to the bot in their private chat has unblocked it.</summary>
    public static void UnblockOnWrite(FakeChat chat, long fromUserId)
    {
        if (chat.IsPrivate && chat.Id == fromUserId)
        {
            chat.BotBlocked = false;
        }
    }
}
