using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Outbox;
using Bot.Core.Relay.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Buyers;

/// <summary>/start &lt;code&gt;: links the Telegram user to the buyer the invitation was made for. Expired, used and
/// unknown codes get a clear answer and change nothing.</summary>
public sealed partial class BuyerLinker(
    IDbConnectionFactory connections,
    InviteRepository invites,
    BuyerLinkRepository links,
    ConversationRepository conversations,
    Notices notices,
    TimeProvider time,
    IOptions<BuyerOptions> options,
    ILogger<BuyerLinker> logger)
{
    public async Task LinkAsync(IncomingChatMessage message, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var invite = InviteCodes.LooksLikeCode(code) ? await invites.FindByHashAsync(session, InviteCodes.Hash(code)) : null;
        var refusal = invite switch
        {
            null => BuyerTexts.UnknownCode,
            { UsedAt: not null } when invite.UsedByUserId != message.FromUserId => BuyerTexts.UsedCode,
            { UsedAt: null } when invite.ExpiresAt <= now => BuyerTexts.ExpiredCode,
            { UsedAt: null } when !await invites.TryUseAsync(session, invite.Id, message.FromUserId, now) => BuyerTexts.UsedCode,
            _ => null, // Fresh, or the same person tapping the link again.
        };
        if (refusal is not null || invite is null)
        {
            LogRefused(message.FromUserId, refusal ?? BuyerTexts.UnknownCode);
            await ReplyAsync(session, message, refusal ?? BuyerTexts.UnknownCode, message.LanguageCode, null);
            await session.CommitAsync(cancellationToken);
            return;
        }

        var conversation = (await conversations.GetAsync(session, invite.ConversationId))!;
        var language = conversation.BuyerLanguage ?? message.LanguageCode;
        await links.LinkAsync(session, new BuyerLink
        {
            TelegramUserId = message.FromUserId, ChatId = message.ChatId, DisplayName = message.FromName, Marketplace = conversation.Marketplace,
            Account = conversation.Account, BuyerId = conversation.BuyerId, Language = language, CurrentConversationId = conversation.Id,
        }, now);

        var order = conversation.Kind == ConversationKind.Order ? $"order {conversation.ExternalId}" : "your question";
        await ReplyAsync(session, message, BuyerTexts.Welcome(options.Value.StoreName, order), language, QuickReplyKeyboard.Build());
        if (await conversations.GetBindingAsync(session, conversation.Id, ThreadBinding.Staff) is { TopicId: { } topic } binding)
        {
            await notices.EnqueueAsync(session, new NoticePayload(
                binding.ChatId, topic, $"🔗 The buyer linked Telegram: <b>{Html.Escape(message.FromName)}</b> (id {message.FromUserId}). Replies here now reach them in Telegram too."), conversation.Id);
        }

        await session.CommitAsync(cancellationToken);
        LogLinked(message.FromUserId, conversation.Id);
    }

    private Task<long> ReplyAsync(DbSession session, IncomingChatMessage message, string english, string? language, IReadOnlyList<IReadOnlyList<ChatButton>>? buttons) =>
        notices.EnqueueAsync(session, BuyerTexts.Notice(message.ChatId, message.MessageId, english, language, buttons));

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram user {UserId} linked to conversation {ConversationId}")]
    private partial void LogLinked(long userId, long conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation refused for Telegram user {UserId}: {Reason}")]
    private partial void LogRefused(long userId, string reason);
}
