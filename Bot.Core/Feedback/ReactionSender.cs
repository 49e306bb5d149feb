using Bot.Core.Chat;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Feedback;

/// <summary>Puts a reaction on a message when the chat takes it. A reaction the chat does not allow, or that Telegram
/// refuses (400 REACTION_INVALID, or the message is gone), is not an error: the caller says it in text instead.</summary>
public sealed partial class ReactionSender(IChatGateway chat, ReactionAvailability availability, ILogger<ReactionSender> logger)
{
    /// <returns>True when the reaction is on the message; false when the chat refused it.</returns>
    /// <exception cref="ChatDeliveryException">Telegram could not be asked (retry later).</exception>
    public async Task<bool> TryReactAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken)
    {
        emoji = ChatReactions.Current(emoji);
        if (!await availability.AllowsAsync(chatId, emoji, cancellationToken))
        {
            LogNotAllowed(chatId, emoji);
            return false;
        }

        try
        {
            await chat.SetReactionAsync(chatId, messageId, emoji, cancellationToken);
            return true;
        }
        catch (ChatDeliveryException e) when (e.Kind is ChatErrorKind.ReactionInvalid or ChatErrorKind.BadRequest)
        {
            if (e.Kind == ChatErrorKind.ReactionInvalid)
            {
                availability.Forget(chatId); // The admins changed the list since it was read.
            }

            LogRefused(chatId, messageId, emoji, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} does not allow the reaction {Emoji}: said in text instead")]
    private partial void LogNotAllowed(long chatId, string emoji);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram refused the reaction {Emoji} on message {MessageId} in chat {ChatId} ({Reason}): said in text instead")]
    private partial void LogRefused(long chatId, int messageId, string emoji, string reason);
}
