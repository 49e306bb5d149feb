using Bot.Core.Chat;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.TelegramApi;

/// <summary>The bot's username and private-topic mode, asked of Telegram once (getMe) and kept.</summary>
internal sealed class TelegramBotIdentity(ITelegramBotClient bot) : IBotIdentity
{
    private User? me;

    public async Task<string> GetUsernameAsync(CancellationToken cancellationToken) =>
        (await MeAsync(cancellationToken)).Username ?? throw new InvalidOperationException("The bot has no username.");

    public async Task<bool> HasPrivateTopicsAsync(CancellationToken cancellationToken) =>
        (await MeAsync(cancellationToken)).HasTopicsEnabled == true;

    private async Task<User> MeAsync(CancellationToken cancellationToken)
    {
        if (me is null)
        {
            try
            {
                me = await bot.GetMe(cancellationToken);
            }
            catch (Exception e) when (TelegramErrors.IsMappable(e, cancellationToken))
            {
                throw TelegramErrors.Map(e);
            }
        }

        return me;
    }
}
