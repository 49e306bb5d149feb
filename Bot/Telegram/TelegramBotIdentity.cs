using Bot.Core.Buyers;
using Telegram.Bot;

namespace Bot.Telegram;

/// <summary>The bot's username, asked of Telegram once (getMe) and kept.</summary>
internal sealed class TelegramBotIdentity(ITelegramBotClient bot) : IBotIdentity
{
    private string? username;

    public async Task<string> GetUsernameAsync(CancellationToken cancellationToken)
    {
        if (username is null)
        {
            try
            {
                username = (await bot.GetMe(cancellationToken)).Username ?? throw new InvalidOperationException("The bot has no username.");
            }
            catch (Exception e) when (TelegramErrors.IsMappable(e, cancellationToken))
            {
                throw TelegramErrors.Map(e);
            }
        }

        return username;
    }
}
