namespace Bot.Core.Chat;

/// <summary>The reactions the bridge puts on people's messages, all on the Bot API's fixed list of
/// <c>ReactionTypeEmoji</c> (https://core.telegram.org/bots/api#reactiontypeemoji): anything else (✅, ⚠️, ❌) is refused with 400 REACTION_INVALID.</summary>
public static class ChatReactions
{
    /// <summary>The message reached its destination (the marketplace, the buyer).</summary>
    public const string Delivered = "👍";

    /// <summary>It did not; a reply with the reason follows. 👎 rather than 😢: the plainest opposite of 👍, and the pair a
    /// group that narrows its reactions most likely keeps.</summary>
    public const string Failed = "👎";

    /// <summary>Not something the bridge can relay (a sticker, a voice note); a reply says so.</summary>
    public const string Unsupported = "🤷";

    /// <summary>The Bot API's fixed list for <c>ReactionTypeEmoji</c>.</summary>
    public static IReadOnlySet<string> Standard { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "👍", "👎", "❤", "🔥", "🥰", "👏", "😁", "🤔", "🤯", "😱", "🤬", "😢",
        "🎉", "🤩", "🤮", "💩", "🙏", "👌", "🕊", "🤡", "🥱", "🥴", "😍", "🐳",
        "❤‍🔥", "🌚", "🌭", "💯", "🤣", "⚡", "🍌", "🏆", "💔", "🤨", "😐", "🍓",
        "🍾", "💋", "🖕", "😈", "😴", "😭", "🤓", "👻", "👨‍💻", "👀", "🎃", "🙈",
        "😇", "😨", "🤝", "✍", "🤗", "🫡", "🎅", "🎄", "☃", "💅", "🤪", "🗿",
        "🆒", "💘", "🙉", "🦄", "😘", "💊", "🙊", "😎", "👾", "🤷‍♂", "🤷", "🤷‍♀",
        "😡",
    };

    /// <summary>What older versions put in notices still queued at an upgrade.</summary>
    public static string Current(string emoji) => emoji switch
    {
        "✅" => Delivered,
        "⚠️" or "⚠" => Failed,
        _ => emoji,
    };
}
