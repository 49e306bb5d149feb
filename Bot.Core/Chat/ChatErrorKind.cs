namespace Bot.Core.Chat;

public enum ChatErrorKind
{
    /// <summary>5xx, timeouts, network: try again later.</summary>
    Transient,

    /// <summary>429: wait <see cref="ChatDeliveryException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>"message thread not found": someone deleted the topic.</summary>
    TopicDeleted,

    /// <summary>"TOPIC_CLOSED": someone closed the topic.</summary>
    TopicClosed,

    /// <summary>The group became a supergroup: <see cref="ChatDeliveryException.MigrateToChatId"/> is the new id.</summary>
    ChatMigrated,

    /// <summary>The bot was blocked, kicked, or lacks a right: an operator problem.</summary>
    Forbidden,

    /// <summary>A person blocked the bot (or deleted their account): nothing reaches their private chat until they
    /// write to the bot again. Not an operator problem, and no retry helps.</summary>
    UserBlocked,

    /// <summary>Telegram refused this request as malformed; retrying it unchanged will not help.</summary>
    BadRequest,

    /// <summary>"REACTION_INVALID": the emoji is not on the Bot API's list or not among the chat's available reactions
    /// (its admins may narrow them at any time). Permanent for this emoji in this chat; say it in text instead.</summary>
    ReactionInvalid,
}
