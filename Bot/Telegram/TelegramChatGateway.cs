using Bot.Core.Chat;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using ChatPhoto = Bot.Core.Chat.ChatPhoto;

namespace Bot.Telegram;

/// <summary>The core's chat gateway over the Bot API. Sends HTML (the core escapes everything it relays).</summary>
internal sealed partial class TelegramChatGateway(ITelegramBotClient bot, ILogger<TelegramChatGateway> logger) : IChatGateway
{
    public Task<int> CreateTopicAsync(long chatId, string name, CancellationToken cancellationToken) =>
        CallAsync(async () => (await bot.CreateForumTopic(chatId, name, cancellationToken: cancellationToken)).MessageThreadId, cancellationToken);

    public Task ReopenTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await bot.ReopenForumTopic(chatId, topicId, cancellationToken);
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

    public Task SetReactionAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await bot.SetMessageReaction(chatId, messageId, [new ReactionTypeEmoji { Emoji = emoji }], cancellationToken: cancellationToken);
            return 0;
        }, cancellationToken);

    /// <remarks>A press can only be answered once and only shortly after it was made; one that is redelivered or
    /// handled late cannot be answered any more. The effect of the press is already stored by then and the person's
    /// button stopped spinning long ago, so that refusal is not a failure of the update.</remarks>
    public async Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(async () =>
            {
                await bot.AnswerCallbackQuery(callbackId, text, cancellationToken: cancellationToken);
                return 0;
            }, cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.BadRequest && e.Message.Contains("query is too old", StringComparison.OrdinalIgnoreCase))
        {
            LogStaleCallback(callbackId);
        }
    }

    public Task<ChatFile> DownloadFileAsync(string fileId, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            using var buffer = new MemoryStream();
            var file = await bot.GetInfoAndDownloadFile(fileId, buffer, cancellationToken);
            return new ChatFile(buffer.ToArray(), Path.GetFileName(file.FilePath ?? "file"));
        }, cancellationToken);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Button press {CallbackId} could no longer be answered (too old or already answered)")]
    private partial void LogStaleCallback(string callbackId);
}
