using Bot.Core.Storage;

namespace Bot.Core.Messages;

public interface IMessageRepository
{
    /// <summary>Records that a marketplace message that leaves no stored row (an empty one, the store's own) was taken in.
    /// False when it was already: a duplicate.</summary>
    Task<bool> TryMarkSeenAsync(DbSession session, long conversationId, string marketplaceMessageId);

    /// <summary>Stores a message; null when it is already stored: a Telegram message with the same chat and message id, or
    /// a marketplace message with the same conversation and marketplace id (which is how a buyer's message is recognised
    /// when the marketplace lists it again).</summary>
    Task<long?> InsertAsync(DbSession session, NewMessage message);

    Task<StoredMessage?> GetAsync(DbSession session, long id);

    /// <summary>The stored messages with these ids (those that exist), in one query; in no particular order.</summary>
    Task<IReadOnlyList<StoredMessage>> GetManyAsync(DbSession session, IReadOnlyList<long> ids);

    Task SetLanguageAsync(DbSession session, long id, string language);

    Task<IReadOnlyList<MessageCopy>> GetCopiesAsync(DbSession session, long messageId, CopyTarget target);

    /// <summary>The copies to one target of several messages, in one query, ordered by message and part.</summary>
    Task<IReadOnlyList<MessageCopy>> GetCopiesOfAsync(DbSession session, IReadOnlyList<long> messageIds, CopyTarget target);

    Task<long> AddCopyAsync(DbSession session, MessageCopy copy);

    /// <summary>Stores several copies in one statement (their ids are not read back).</summary>
    Task AddCopiesAsync(DbSession session, IReadOnlyList<MessageCopy> copies);

    /// <summary>Marketplace posts of this conversation still waiting for their echo, newest first.</summary>
    Task<IReadOnlyList<MessageCopy>> GetEchoCandidatesAsync(DbSession session, long conversationId, DateTimeOffset since);

    Task SetRemoteIdAsync(DbSession session, long copyId, string remoteMessageId);

    /// <summary>Records that the marketplace accepted a post (with its id, when the marketplace gives one).</summary>
    Task MarkAcceptedAsync(DbSession session, long copyId, string? remoteMessageId);

    /// <summary>Replaces a copy's text (a file uploaded again gets a new url).</summary>
    Task SetCopyTextAsync(DbSession session, long copyId, string text);

    /// <summary>Records that the marketplace accepted every part of a message not yet marked (when its delivery completes).</summary>
    Task MarkAllAcceptedAsync(DbSession session, long messageId);

    /// <summary>The stored message a Telegram message is a copy of (for replies), or null.</summary>
    Task<long?> FindByTelegramCopyAsync(DbSession session, long chatId, int telegramMessageId);

    /// <summary>The stored messages a Telegram message of the bridge shows, in the order it shows them (several when posts
    /// were merged into one message); empty when it shows none.</summary>
    Task<IReadOnlyList<PostedPart>> GetPostedPartsAsync(DbSession session, long chatId, int telegramMessageId);

    /// <summary>Who wrote the stored message, null when there is no such message.</summary>
    Task<AuthorRole?> GetAuthorRoleAsync(DbSession session, long? id);

    /// <summary>The Telegram message a stored message came from, and the topic of its chat bound to the conversation;
    /// all null when it did not come from Telegram.</summary>
    Task<(long? ChatId, long? MessageId, long? TopicId)> GetTelegramSourceAsync(DbSession session, long? id);

    /// <summary>Whether the conversation has a staff topic yet, and the stored message's image and file lists (JSON), in one query.</summary>
    Task<(long HasStaffTopic, string? ImagesJson, string? FilesJson)> GetStaffPostShapeAsync(DbSession session, long? conversationId, long? messageId);

    /// <summary>The same for several stored messages at once (their own conversation's topic), by message id; a message
    /// that does not exist is left out.</summary>
    Task<IReadOnlyDictionary<long, (long HasStaffTopic, string? ImagesJson, string? FilesJson)>> GetStaffPostShapesAsync(DbSession session, IReadOnlyList<long> messageIds);
}
