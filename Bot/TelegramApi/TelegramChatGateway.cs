using Bot.Core.Chat;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using ChatPhoto = Bot.Core.Chat.ChatPhoto;

namespace Bot.TelegramApi;

/// <summary>The core's chat gateway over the Bot API. Sends HTML (the core escapes everything it relays).</summary>
internal sealed partial class TelegramChatGateway(ITelegramBotClient bot, ILogger<TelegramChatGateway>? logger = null) : IChatGateway
{
    /// <summary>Telegram stops waiting for an answer after a few seconds anyway; a slow answer must not hold up the
    /// update loop.</summary>
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    private readonly ILogger log = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<TelegramChatGateway>.Instance;

    public Task<int> CreateTopicAsync(long chatId, string name, CancellationToken cancellationToken) =>
        CallAsync(async () => (await bot.CreateForumTopic(chatId, name, cancellationToken: cancellationToken)).MessageThreadId, cancellationToken);

    public Task ReopenTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await bot.ReopenForumTopic(chatId, topicId, cancellationToken);
            return 0;
        }, cancellationToken);

    public Task CloseTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await bot.CloseForumTopic(chatId, topicId, cancellationToken);
            return 0;
        }, cancellationToken);

    public Task RenameTopicAsync(long chatId, int topicId, string name, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await bot.EditForumTopic(chatId, topicId, name, cancellationToken: cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<int> SendTextAsync(ChatText message, CancellationToken cancellationToken) =>
        CallAsync(async () => (await bot.SendMessage(
            message.ChatId,
            message.Html,
            ParseMode.Html,
            replyParameters: Reply(message.ReplyToMessageId),
            replyMarkup: Keyboard(message.Buttons),
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
            messageThreadId: message.TopicId,
            cancellationToken: cancellationToken)).MessageId, cancellationToken);

    /// <summary>editMessageText with the buttons (an edit without them would remove them). Telegram refuses an edit
    /// that changes nothing ("message is not modified"): the message already shows the text, so that is success.</summary>
    public Task EditTextAsync(int messageId, ChatText message, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            try
            {
                await bot.EditMessageText(
                    message.ChatId,
                    messageId,
                    message.Html,
                    ParseMode.Html,
                    replyMarkup: Keyboard(message.Buttons),
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                    cancellationToken: cancellationToken);
            }
            catch (Telegram.Bot.Exceptions.ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
            {
            }

            return messageId;
        }, cancellationToken);

    public Task<int> SendPhotoAsync(ChatPhoto message, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await using var stream = new MemoryStream(message.Content, writable: false);
            var sent = await bot.SendPhoto(
                message.ChatId,
                InputFile.FromStream(stream, message.FileName),
                message.CaptionHtml,
                ParseMode.Html,
                replyParameters: Reply(message.ReplyToMessageId),
                messageThreadId: message.TopicId,
                cancellationToken: cancellationToken);
            return sent.MessageId;
        }, cancellationToken);

    public Task<int> SendDocumentAsync(ChatDocument message, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await using var stream = new MemoryStream(message.Content, writable: false);
            var sent = await bot.SendDocument(
                message.ChatId,
                InputFile.FromStream(stream, message.FileName),
                message.CaptionHtml,
                ParseMode.Html,
                replyParameters: Reply(message.ReplyToMessageId),
                messageThreadId: message.TopicId,
                cancellationToken: cancellationToken);
            return sent.MessageId;
        }, cancellationToken);

    /// <summary>getFile, then the download; Telegram refuses getFile for files over 20 MB ("file is too big").</summary>
    public Task<byte[]> DownloadFileAsync(string fileId, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            using var buffer = new MemoryStream();
            await bot.GetInfoAndDownloadFile(fileId, buffer, cancellationToken);
            return buffer.ToArray();
        }, cancellationToken);

    public Task SetReactionAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await bot.SetMessageReaction(chatId, messageId, [new ReactionTypeEmoji { Emoji = emoji }], cancellationToken: cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlySet<string>?> GetAvailableReactionsAsync(long chatId, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var info = await bot.GetChat(chatId, cancellationToken);
            return info.AvailableReactions is { } reactions
                ? (IReadOnlySet<string>?)reactions.OfType<ReactionTypeEmoji>().Select(r => r.Emoji).ToHashSet(StringComparer.Ordinal)
                : null;
        }, cancellationToken);

    /// <summary>Best-effort: a press answered late (after a restart Telegram says "query is too old and response timeout
    /// expired or query ID is invalid"), a network error or a timeout is logged and never thrown, so the handler's work
    /// is not undone, retried or repeated (each repeat used to queue another notice) for a spinner that is gone anyway.</summary>
    public async Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            await bot.AnswerCallbackQuery(callbackId, text, cancellationToken: timeout.Token);
        }
        catch (Exception e) when (TelegramErrors.IsMappable(e, cancellationToken))
        {
            LogAnswerFailed(log, e, callbackId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer button press {CallbackId}; the press itself was handled")]
    private static partial void LogAnswerFailed(ILogger logger, Exception error, string callbackId);

    private static ReplyParameters? Reply(int? messageId) =>
        messageId is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;

    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<ChatButton>>? rows) =>
        rows is null
            ? null
            : new InlineKeyboardMarkup(rows.Select(row => row.Select(b => b.Url is { } url
                ? InlineKeyboardButton.WithUrl(b.Text, url)
                : InlineKeyboardButton.WithCallbackData(b.Text, b.CallbackData ?? b.Text))));

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (TelegramErrors.IsMappable(e, cancellationToken))
        {
            throw TelegramErrors.Map(e);
        }
    }
}
