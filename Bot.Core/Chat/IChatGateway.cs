namespace Bot.Core.Chat;

/// <summary>The seam to the chat platform (Telegram). Errors are reported as <see cref="ChatDeliveryException"/>.</summary>
public interface IChatGateway
{
    /// <summary>Creates a forum topic and returns its thread id.</summary>
    Task<int> CreateTopicAsync(long chatId, string name, CancellationToken cancellationToken);

    Task ReopenTopicAsync(long chatId, int topicId, CancellationToken cancellationToken);

    /// <summary>Closes a forum topic (closeForumTopic); Telegram refuses closing a closed topic (TOPIC_NOT_MODIFIED).</summary>
    Task CloseTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This chat gateway cannot close topics.");

    /// <summary>Renames a forum topic (editForumTopic; at most <see cref="ChatLimits.MaxTopicNameLength"/> characters).
    /// Telegram refuses the name the topic already has (TOPIC_NOT_MODIFIED) as a bad request.</summary>
    Task RenameTopicAsync(long chatId, int topicId, string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This chat gateway cannot rename topics.");

    /// <summary>Sends HTML text (at most <see cref="ChatLimits.MaxTextLength"/> characters) and returns the message id.</summary>
    Task<int> SendTextAsync(ChatText message, CancellationToken cancellationToken);

    /// <summary>Replaces the HTML text and buttons of a message the bot sent (<see cref="ChatText.TopicId"/> and
    /// <see cref="ChatText.ReplyToMessageId"/> are ignored). A text that is already the message's is not an error.</summary>
    Task EditTextAsync(int messageId, ChatText message, CancellationToken cancellationToken) =>
        throw new ChatDeliveryException(ChatErrorKind.BadRequest, "this chat cannot edit messages.");

    /// <summary>Uploads a photo (multipart) with an optional HTML caption and returns the message id.</summary>
    Task<int> SendPhotoAsync(ChatPhoto message, CancellationToken cancellationToken);

    /// <summary>Uploads a file (multipart) with an optional HTML caption and returns the message id.</summary>
    Task<int> SendDocumentAsync(ChatDocument message, CancellationToken cancellationToken);

    /// <summary>Downloads a file a user sent (the Bot API serves files up to <see cref="ChatLimits.MaxDownloadBytes"/>).</summary>
    Task<byte[]> DownloadFileAsync(string fileId, CancellationToken cancellationToken);

    Task SetReactionAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken);

    /// <summary>The emoji the chat's admins allow as reactions, or null when every emoji on the Bot API's list is allowed
    /// (getChat's <c>available_reactions</c>).</summary>
    Task<IReadOnlySet<string>?> GetAvailableReactionsAsync(long chatId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>?>(null);

    /// <summary>Answers a button press (stops the client's spinner), optionally with a short notice. Best-effort: a
    /// refused or failed answer (a press too old to answer, after a restart) is logged, not thrown, so a handler that
    /// answers after storing its effect is never run again for it.</summary>
    Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken);
}
