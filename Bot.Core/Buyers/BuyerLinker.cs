using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Buyers;

/// <summary>/start &lt;code&gt;: links the Telegram user to the buyer the invitation was made for. Expired, used,
/// withdrawn and unknown codes get a clear answer and change nothing; so does a conversation without a buyer id. A
/// marketplace buyer has one Telegram user at a time: a new link replaces the earlier one, who is told.</summary>
public sealed partial class BuyerLinker(
    IDbConnectionFactory connections,
    IInviteRepository invites,
    IBuyerLinkRepository links,
    IConversationRepository conversations,
    Notices notices,
    StaffTopicNotes staff,
    BuyerReachability reachability,
    FloodGuard flood,
    TimeProvider time,
    IOptions<BuyerOptions> options,
    ILogger<BuyerLinker> logger)
{
    public async Task LinkAsync(IncomingChatMessage message, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var invite = InviteCodes.LooksLikeCode(code) ? await invites.FindByHashAsync(session, InviteCodes.Hash(code)) : null;
        var conversation = invite is null ? null : await conversations.GetAsync(session, invite.ConversationId);
        var current = await links.FindByUserAsync(session, message.FromUserId);
        var refusal = await RefusalAsync(session, message.FromUserId, invite, conversation, current, now);
        if (refusal is not null || invite is null || conversation is null)
        {
            LogRefused(message.FromUserId, refusal ?? BuyerTexts.UnknownCode);
            if (current is not null || flood.TakeStrangerReply())
            {
                await ReplyAsync(session, message, refusal ?? BuyerTexts.UnknownCode, current?.Language ?? message.LanguageCode, null);
            }

            await session.CommitAsync(cancellationToken);
            return;
        }

        var again = current is not null && SameBuyer(current, conversation);
        if (again)
        {
            await reachability.ComeBackAsync(session, current!);
        }

        var replaced = await ReplaceOthersAsync(session, message.FromUserId, conversation, now);
        var language = conversation.BuyerLanguage ?? message.LanguageCode;
        await links.LinkAsync(session, new BuyerLink
        {
            TelegramUserId = message.FromUserId, ChatId = message.ChatId, DisplayName = message.FromName, Marketplace = conversation.Marketplace,
            Account = conversation.Account, BuyerId = conversation.BuyerId, Language = language, CurrentConversationId = conversation.Id,
        }, now);

        var order = conversation.Kind == ConversationKind.Order ? $"order {conversation.ExternalId}" : "your question";
        await ReplyAsync(session, message, BuyerTexts.Welcome(options.Value.StoreName, order), language, QuickReplyKeyboard.Build());
        if (!again)
        {
            var note = $"🔗 The buyer linked Telegram: <b>{Html.Escape(message.FromName)}</b> (id {message.FromUserId}). Replies here now reach them in Telegram too; /unlink disconnects them.";
            note += string.Concat(replaced.Select(r =>
                $"\nThis replaces the earlier Telegram user <b>{Html.Escape(r.DisplayName ?? "")}</b> (id {r.TelegramUserId}), who was told."));
            await staff.TellAsync(session, conversation.Id, note);
        }

        await session.CommitAsync(cancellationToken);
        LogLinked(message.FromUserId, conversation.Id);
    }

    private async Task<string?> RefusalAsync(DbSession session, long userId, Invite? invite, Conversation? conversation, BuyerLink? current, DateTimeOffset now)
    {
        if (invite is null || conversation is null)
        {
            return BuyerTexts.UnknownCode;
        }

        if (!BuyerLink.IsBuyerId(conversation.BuyerId))
        {
            return BuyerTexts.NotLinkable; // Conversations without a buyer id would all share the empty one.
        }

        if (invite.RevokedAt is not null)
        {
            return BuyerTexts.RevokedCode;
        }

        if (invite.UsedAt is not null)
        {
            // Only the person who used it, tapping it again while still linked; after /unlink the code is spent.
            return invite.UsedByUserId == userId && current is not null && SameBuyer(current, conversation) ? null : BuyerTexts.UsedCode;
        }

        if (invite.ExpiresAt <= now)
        {
            return BuyerTexts.ExpiredCode;
        }

        return await invites.TryUseAsync(session, invite.Id, userId, now) ? null : BuyerTexts.UsedCode;
    }

    /// <summary>Unlinks the other Telegram users of this buyer and tells them, so that fan-out and the buyer's topics
    /// follow one chat.</summary>
    private async Task<IReadOnlyList<BuyerLink>> ReplaceOthersAsync(DbSession session, long userId, Conversation conversation, DateTimeOffset now)
    {
        var others = (await links.FindAllForBuyerAsync(session, conversation.Marketplace, conversation.Account, conversation.BuyerId))
            .Where(l => l.TelegramUserId != userId).ToList();
        foreach (var other in others)
        {
            await links.UnlinkAsync(session, other.TelegramUserId, now);
            await notices.EnqueueAsync(session, BuyerTexts.Notice(other.ChatId, null, BuyerTexts.Replaced, other.Language));
            LogReplaced(other.TelegramUserId, userId);
        }

        return others;
    }

    private static bool SameBuyer(BuyerLink link, Conversation conversation) =>
        link.Marketplace == conversation.Marketplace && link.Account == conversation.Account && link.BuyerId == conversation.BuyerId;

    private Task<long> ReplyAsync(DbSession session, IncomingChatMessage message, string english, string? language, IReadOnlyList<IReadOnlyList<ChatButton>>? buttons) =>
        notices.EnqueueAsync(session, BuyerTexts.Notice(message.ChatId, message.MessageId, english, language, buttons));

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram user {UserId} linked to conversation {ConversationId}")]
    private partial void LogLinked(long userId, long conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation refused for Telegram user {UserId}: {Reason}")]
    private partial void LogRefused(long userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram user {OldUserId} unlinked: the same buyer linked Telegram user {NewUserId}")]
    private partial void LogReplaced(long oldUserId, long newUserId);
}
