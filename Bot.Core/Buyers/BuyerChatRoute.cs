using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Messages;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Buyers;

/// <summary>Private chats with buyers: /start with an invitation code, /help, /orders, /unlink, and messages that go
/// to the store. A buyer only ever reaches their own conversations; strangers are told how to start.</summary>
public sealed partial class BuyerChatRoute(
    IDbConnectionFactory connections,
    BuyerLinker linker,
    IBuyerLinkRepository links,
    BuyerMessageRelay relay,
    IConversationRepository conversations,
    IMessageRepository messages,
    Notices notices,
    FloodGuard flood,
    BuyerReachability reachability,
    TimeProvider time,
    ILogger<BuyerChatRoute> logger) : IChatRoute
{
    public int Order => 100;

    public bool Matches(IncomingChatMessage message) => message.ChatType == ChatType.Private;

    public async Task HandleAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        var (command, argument) = message.Command() is { } parsed ? parsed : ((string?)null, "");
        var code = command == "start" && argument.Length > 0;
        var verdict = code ? flood.TakeLinkAttempt(message.FromUserId) : flood.Take(message.FromUserId); // Every message counts.
        if (verdict == FloodGuard.Verdict.RefusedQuiet)
        {
            return;
        }

        if (verdict == FloodGuard.Verdict.Allowed && code)
        {
            await linker.LinkAsync(message, argument, cancellationToken);
            return;
        }

        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var link = await links.FindByUserAsync(session, message.FromUserId);
        if (link is null && !flood.TakeStrangerReply())
        {
            LogStrangerDropped(message.FromUserId);
            return; // Strangers together have used their replies for this minute.
        }

        if (link is not null)
        {
            await reachability.ComeBackAsync(session, link);
        }

        var language = link?.Language ?? message.LanguageCode;
        if (verdict == FloodGuard.Verdict.RefusedWarn)
        {
            await ReplyAsync(session, message, BuyerTexts.TooFast, language);
        }
        else if (link is null)
        {
            await ReplyAsync(session, message, BuyerTexts.NotLinked, language);
        }
        else if (command is not null)
        {
            await CommandAsync(session, message, link, command);
        }
        else if (string.IsNullOrWhiteSpace(message.Text))
        {
            await ReplyAsync(session, message, BuyerTexts.OnlyText, language);
        }
        else
        {
            await MessageAsync(session, message, link, message.Text.Trim());
        }

        await session.CommitAsync(cancellationToken);
    }

    private async Task CommandAsync(DbSession session, IncomingChatMessage message, BuyerLink link, string command)
    {
        switch (command)
        {
            case "unlink":
                await links.UnlinkAsync(session, link.TelegramUserId, time.GetUtcNow());
                await ReplyAsync(session, message, BuyerTexts.Unlinked, link.Language);
                break;
            case "lang":
                await SetLanguageAsync(session, message, link);
                break;
            case "orders":
                var mine = await conversations.OfLinkAsync(session, link);
                var list = mine.Count == 0 ? BuyerTexts.NoOrders : BuyerTexts.Orders(mine.Select(BuyerOrders.Label));
                await ReplyAsync(session, message, list, link.Language, BuyerOrders.Buttons(mine));
                break;
            default:
                await ReplyAsync(session, message, BuyerTexts.Help, link.Language,
                    QuickReplyKeyboard.Build());
                break;
        }
    }

    private async Task MessageAsync(DbSession session, IncomingChatMessage message, BuyerLink link, string text)
    {
        var conversation = await ResolveAsync(session, message, link);
        if (conversation is not null)
        {
            await relay.RelayAsync(session, conversation, link, message.MessageId, text, message.Date);
            return;
        }

        var mine = await conversations.OfLinkAsync(session, link);
        if (mine.Count == 0)
        {
            await ReplyAsync(session, message, BuyerTexts.NoOrders, link.Language);
            return;
        }

        await links.SavePendingAsync(session, link, message.MessageId, text, message.Date);
        await ReplyAsync(session, message, BuyerTexts.WhichOrder, link.Language, BuyerOrders.Buttons(mine));
    }

    private async Task SetLanguageAsync(DbSession session, IncomingChatMessage message, BuyerLink link)
    {
        var code = message.Command()?.Arguments.ToLowerInvariant() ?? "";
        if (!LanguageCode.IsValid(code))
        {
            await ReplyAsync(session, message, BuyerTexts.LanguageHelp, link.Language);
            return;
        }

        await links.SetLanguageAsync(session, link, code);
        await ReplyAsync(session, message, BuyerTexts.LanguageSet, code);
    }

    /// <summary>A message in an order's topic goes to that order; a reply to the replied message's conversation; otherwise
    /// the remembered choice; otherwise the only conversation. Always one of this buyer's own.</summary>
    private async Task<Conversation?> ResolveAsync(DbSession session, IncomingChatMessage message, BuyerLink link)
    {
        if (message.IsTopicMessage && message.TopicId is { } topic && await conversations.FindByBuyerTopicAsync(session, message.ChatId, topic) is { } inTopic
            && BuyerOrders.Owns(link, inTopic))
        {
            return inTopic; // Written in an order's own topic of the buyer's chat.
        }

        if (message.ReplyToMessageId is { } replyTo && await messages.FindByTelegramCopyAsync(session, message.ChatId, replyTo) is { } repliedId
            && await messages.GetAsync(session, repliedId) is { } replied && await conversations.GetAsync(session, replied.ConversationId) is { } fromReply
            && BuyerOrders.Owns(link, fromReply))
        {
            return fromReply;
        }

        if (link.CurrentConversationId is { } current && await conversations.GetAsync(session, current) is { } remembered && BuyerOrders.Owns(link, remembered))
        {
            return remembered;
        }

        var mine = await conversations.OfLinkAsync(session, link);
        return mine.Count == 1 ? mine[0] : null;
    }

    private Task<long> ReplyAsync(DbSession session, IncomingChatMessage message, string english, string? language, IReadOnlyList<IReadOnlyList<ChatButton>>? buttons = null) =>
        notices.EnqueueAsync(session, BuyerTexts.Notice(message.ChatId, message.MessageId, english, language, buttons));

    [LoggerMessage(Level = LogLevel.Debug, Message = "No reply to Telegram user {UserId}: replies to strangers are at their limit")]
    private partial void LogStrangerDropped(long userId);
}
