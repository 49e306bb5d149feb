namespace Bot.Core.Chat;

/// <summary>Puts every send through the <see cref="ChatRateLimiter"/> and feeds 429s back into it.</summary>
public sealed class ThrottledChatGateway(IChatGateway inner, ChatRateLimiter limiter) : IChatGateway
{
    public Task<int> CreateTopicAsync(long chatId, string name, CancellationToken cancellationToken) =>
        SendAsync(chatId, () => inner.CreateTopicAsync(chatId, name, cancellationToken), cancellationToken);

    public Task ReopenTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        inner.ReopenTopicAsync(chatId, topicId, cancellationToken);

    public Task CloseTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        inner.CloseTopicAsync(chatId, topicId, cancellationToken);

    public Task RenameTopicAsync(long chatId, int topicId, string name, CancellationToken cancellationToken) =>
        SendAsync(chatId, async () =>
        {
            await inner.RenameTopicAsync(chatId, topicId, name, cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<int> SendTextAsync(ChatText message, CancellationToken cancellationToken) =>
        SendAsync(message.ChatId, () => inner.SendTextAsync(message, cancellationToken), cancellationToken);

    /// <summary>An edit counts against the chat's budget like a send.</summary>
    public Task EditTextAsync(int messageId, ChatText message, CancellationToken cancellationToken) =>
        SendAsync(message.ChatId, async () =>
        {
            await inner.EditTextAsync(messageId, message, cancellationToken);
            return messageId;
        }, cancellationToken);

    /// <summary>Telegram refuses a caption over <see cref="ChatLimits.MaxCaptionLength"/> visible characters: such a
    /// photo goes without it, and the caption follows as a text reply to the photo.</summary>
    public async Task<int> SendPhotoAsync(ChatPhoto message, CancellationToken cancellationToken)
    {
        var caption = message.CaptionHtml is { } html && Bot.Core.Formatting.HtmlSplitter.PlainLength(html) > ChatLimits.MaxCaptionLength ? html : null;
        var photo = caption is null ? message : message with { CaptionHtml = null };
        var id = await SendAsync(message.ChatId, () => inner.SendPhotoAsync(photo, cancellationToken), cancellationToken);
        foreach (var part in caption is null ? [] : Bot.Core.Formatting.HtmlSplitter.Split(caption, ChatLimits.MaxTextLength))
        {
            await SendTextAsync(new ChatText(message.ChatId, message.TopicId, part, id), cancellationToken);
        }

        return id;
    }

    public Task<int> SendDocumentAsync(ChatDocument message, CancellationToken cancellationToken) =>
        SendAsync(message.ChatId, () => inner.SendDocumentAsync(message, cancellationToken), cancellationToken);

    public Task<byte[]> DownloadFileAsync(string fileId, CancellationToken cancellationToken) =>
        inner.DownloadFileAsync(fileId, cancellationToken);

    public Task SetReactionAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken) =>
        inner.SetReactionAsync(chatId, messageId, emoji, cancellationToken);

    public Task<IReadOnlySet<string>?> GetAvailableReactionsAsync(long chatId, CancellationToken cancellationToken) =>
        inner.GetAvailableReactionsAsync(chatId, cancellationToken);

    public Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken) =>
        inner.AnswerCallbackAsync(callbackId, text, cancellationToken);

    private async Task<int> SendAsync(long chatId, Func<Task<int>> send, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(chatId, cancellationToken);
        try
        {
            return await send();
        }
        catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.RateLimited)
        {
            limiter.Block(chatId, e.RetryAfter ?? TimeSpan.FromSeconds(1));
            throw;
        }
    }
}
