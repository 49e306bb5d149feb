namespace Bot.Testing.BotApi;

public sealed partial class FakeTelegramServer
{
    /// <summary>The user blocks the bot: every later call into their private chat (sendMessage, sendPhoto,
    /// createForumTopic...) fails with 403 "Forbidden: bot was blocked by the user", like Telegram. A message from the
    /// user (<see cref="EnqueueMessage"/>) or <see cref="UnblockBot"/> lifts it.</summary>
    public void BlockBot(long userId) => SetBlocked(userId, blocked: true);

    /// <summary>The user unblocks the bot (without writing to it).</summary>
    public void UnblockBot(long userId) => SetBlocked(userId, blocked: false);

    private void SetBlocked(long userId, bool blocked)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(userId);
            if (!chat.IsPrivate)
            {
                throw new ArgumentException($"Chat {userId} is not a private chat.", nameof(userId));
            }

            chat.BotBlocked = blocked;
        }
    }
}
