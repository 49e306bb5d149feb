using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Bot.Core.Translation;

namespace Bot.Core.Staff.Commands;

/// <summary>/lang &lt;code&gt; in a conversation's topic: sets the language replies to this buyer are translated
/// into, when detection guessed wrong or the buyer asked for another language. /lang alone shows it.</summary>
public sealed class LanguageCommand(IDbConnectionFactory connections, IConversationRepository conversations, Notices notices) : IStaffCommand
{
    public string Name => "lang";

    public async Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken)
    {
        var code = arguments.Trim().ToLowerInvariant();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        string reply;
        if (code.Length == 0)
        {
            reply = conversation.BuyerLanguage is { } current
                ? $"Replies to this buyer are translated into “{current}”. Change it with /lang followed by a two-letter code, e.g. /lang es."
                : "The buyer's language is not known yet. Set it with /lang followed by a two-letter code, e.g. /lang es.";
        }
        else if (LanguageCode.IsValid(code))
        {
            await conversations.SetBuyerLanguageAsync(session, conversation.Id, code);
            reply = $"From now on, replies to this buyer are translated into “{code}”.";
        }
        else
        {
            reply = $"“{arguments.Trim()}” is not a two-letter language code (ISO 639-1) such as en, es, ru, zh.";
        }

        await notices.EnqueueAsync(session, new NoticePayload(message.ChatId, message.TopicId, Html.Escape(reply), message.MessageId), conversation.Id);
        await session.CommitAsync(cancellationToken);
    }
}
