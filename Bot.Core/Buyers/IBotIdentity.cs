namespace Bot.Core.Buyers;

/// <summary>Who the bot is on the chat platform, for deep links (https://t.me/&lt;username&gt;?start=...).</summary>
public interface IBotIdentity
{
    Task<string> GetUsernameAsync(CancellationToken cancellationToken);
}
