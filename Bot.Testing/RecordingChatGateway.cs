using System.Collections.Concurrent;
using Bot.Core.Chat;

namespace Bot.Testing;

/// <summary>An in-memory chat platform for core tests: topics, messages per topic, reactions, and injected errors
/// (a deleted topic answers "thread not found" like Telegram). End-to-end tests use the fake Bot API server instead.</summary>
public sealed class RecordingChatGateway : IChatGateway
{
    private readonly ConcurrentQueue<ChatDeliveryException> faults = new();
    private readonly ConcurrentDictionary<int, bool> deletedTopics = new();
    private readonly ConcurrentDictionary<long, bool> blockedChats = new();
    private int nextTopic = 100;
    private int nextMessage = 1;
    private int availableReactionReads;

    public ConcurrentQueue<(long ChatId, string Name, int TopicId)> Topics { get; } = new();

    public ConcurrentQueue<ChatText> Texts { get; } = new();

    public ConcurrentQueue<ChatPhoto> Photos { get; } = new();

    public ConcurrentQueue<ChatDocument> Documents { get; } = new();

    public ConcurrentQueue<(long ChatId, int MessageId, string Emoji)> Reactions { get; } = new();

    public void FailNext(ChatDeliveryException error) => faults.Enqueue(error);

    /// <summary>While set, every send, topic creation, reaction and getChat fails with this (an outage), after any queued faults.</summary>
    public ChatDeliveryException? Outage { get; set; }

    public void DeleteTopic(int topicId) => deletedTopics[topicId] = true;

    /// <summary>The user of this private chat blocked the bot: sends and topic creation there get Telegram's 403.</summary>
    public void BlockBot(long chatId) => blockedChats[chatId] = true;

    public IReadOnlyList<ChatText> TextsIn(int topicId) => Texts.Where(t => t.TopicId == topicId).ToList();

    public Task<int> CreateTopicAsync(long chatId, string name, CancellationToken cancellationToken)
    {
        ThrowIfFault(chatId);
        var id = Interlocked.Increment(ref nextTopic);
        Topics.Enqueue((chatId, name, id));
        return Task.FromResult(id);
    }

    /// <summary>Topics closed by <see cref="CloseTopicAsync"/>: sends into them fail with TOPIC_CLOSED until reopened.</summary>
    public ConcurrentDictionary<int, bool> ClosedTopics { get; } = new();

    /// <summary>Refuses reopening an open topic, as Telegram does (TOPIC_NOT_MODIFIED).</summary>
    public Task ReopenTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        ClosedTopics.TryRemove(topicId, out _)
            ? Task.CompletedTask
            : throw new ChatDeliveryException(ChatErrorKind.BadRequest, "Bad Request: TOPIC_NOT_MODIFIED");

    public Task CloseTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        ClosedTopics.TryAdd(topicId, true)
            ? Task.CompletedTask
            : throw new ChatDeliveryException(ChatErrorKind.BadRequest, "Bad Request: TOPIC_NOT_MODIFIED");

    /// <summary>Every accepted rename, in order.</summary>
    public ConcurrentQueue<(long ChatId, int TopicId, string Name)> Renames { get; } = new();

    /// <summary>Refuses what Telegram refuses: the name the topic has, and a name over 128 characters.</summary>
    public Task RenameTopicAsync(long chatId, int topicId, string name, CancellationToken cancellationToken)
    {
        ThrowIfFault(chatId);
        var current = Renames.LastOrDefault(r => r.ChatId == chatId && r.TopicId == topicId).Name
            ?? Topics.FirstOrDefault(t => t.ChatId == chatId && t.TopicId == topicId).Name;
        if (name.Length > Bot.Core.Chat.ChatLimits.MaxTopicNameLength)
        {
            throw new ChatDeliveryException(ChatErrorKind.BadRequest, "Bad Request: TOPIC_TITLE_TOO_LONG");
        }

        if (name == current)
        {
            throw new ChatDeliveryException(ChatErrorKind.BadRequest, "Bad Request: TOPIC_NOT_MODIFIED");
        }

        Renames.Enqueue((chatId, topicId, name));
        return Task.CompletedTask;
    }

    /// <summary>The topic's name now (after renames).</summary>
    public string? TopicName(int topicId) =>
        Renames.LastOrDefault(r => r.TopicId == topicId).Name ?? Topics.FirstOrDefault(t => t.TopicId == topicId).Name;

    public Task<int> SendTextAsync(ChatText message, CancellationToken cancellationToken)
    {
        ThrowIfFault(message.ChatId);
        if (message.TopicId is { } topic && deletedTopics.ContainsKey(topic))
        {
            throw new ChatDeliveryException(ChatErrorKind.TopicDeleted, "Bad Request: message thread not found");
        }

        if (message.TopicId is { } closed && ClosedTopics.ContainsKey(closed))
        {
            throw new ChatDeliveryException(ChatErrorKind.TopicClosed, "Bad Request: TOPIC_CLOSED");
        }

        if (BotApi.TelegramHtml.Parse(message.Html, rejectBareAmpersand: true).PlainText?.Trim() is { Length: > 4096 })
        {
            throw new ChatDeliveryException(ChatErrorKind.BadRequest, "Bad Request: message is too long");
        }

        Texts.Enqueue(message);
        return Task.FromResult(Interlocked.Increment(ref nextMessage));
    }

    public Task<int> SendPhotoAsync(ChatPhoto message, CancellationToken cancellationToken)
    {
        ThrowIfFault(message.ChatId);
        Photos.Enqueue(message);
        return Task.FromResult(Interlocked.Increment(ref nextMessage));
    }

    public Task<int> SendDocumentAsync(ChatDocument message, CancellationToken cancellationToken)
    {
        ThrowIfFault(message.ChatId);
        Documents.Enqueue(message);
        return Task.FromResult(Interlocked.Increment(ref nextMessage));
    }

    /// <summary>Files <see cref="DownloadFileAsync"/> serves, by file id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public Task<byte[]> DownloadFileAsync(string fileId, CancellationToken cancellationToken) =>
        Files.TryGetValue(fileId, out var bytes) ? Task.FromResult(bytes) : throw new InvalidOperationException($"Bad Request: file {fileId} not found");

    public Task SetReactionAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken)
    {
        if (Outage is { } outage)
        {
            throw outage;
        }

        // Like Telegram: only the Bot API's list, narrowed by the chat's available reactions.
        if (!BotApi.BotApiReactions.Emoji.Contains(emoji) || (AvailableReactions is { } allowed && !allowed.Contains(emoji)))
        {
            throw new ChatDeliveryException(ChatErrorKind.ReactionInvalid, "Bad Request: REACTION_INVALID");
        }

        Reactions.Enqueue((chatId, messageId, emoji));
        return Task.CompletedTask;
    }

    /// <summary>The reactions every chat's admins allow (getChat's available_reactions); null: all on the list.</summary>
    public IReadOnlySet<string>? AvailableReactions { get; set; }

    /// <summary>How many times the core asked for a chat's available reactions (getChat).</summary>
    public int AvailableReactionReads => availableReactionReads;

    public Task<IReadOnlySet<string>?> GetAvailableReactionsAsync(long chatId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref availableReactionReads);
        if (Outage is { } outage)
        {
            throw outage;
        }

        return Task.FromResult(AvailableReactions);
    }

    public Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken) => Task.CompletedTask;

    private void ThrowIfFault(long chatId)
    {
        if (blockedChats.ContainsKey(chatId))
        {
            throw new ChatDeliveryException(ChatErrorKind.UserBlocked, "Forbidden: bot was blocked by the user");
        }

        if (faults.TryDequeue(out var fault))
        {
            throw fault;
        }

        if (Outage is { } outage)
        {
            throw outage;
        }
    }
}
