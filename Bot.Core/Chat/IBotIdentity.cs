namespace Bot.Core.Chat;

/// <summary>Who the bot is on the chat platform, for deep links (https://t.me/&lt;username&gt;?start=...).</summary>
public interface IBotIdentity
{
    Task<string> GetUsernameAsync(CancellationToken cancellationToken);

    /// <summary>Whether the bot has topic mode in private chats (then each order gets its own topic in the buyer's
    /// chat; otherwise one chat with order-tagged messages).</summary>
    Task<bool> HasPrivateTopicsAsync(CancellationToken cancellationToken);
}
