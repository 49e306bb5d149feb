namespace Bot.Testing.BotApi;

/// <summary>The emoji that setMessageReaction accepts as ReactionTypeEmoji (the Bot API's fixed list, written out
/// here independently of the bridge's own copy). Anything else, such as ✅, ⚠️ or ❌, is 400 REACTION_INVALID.</summary>
internal static class BotApiReactions
{
    public static IReadOnlySet<string> Emoji { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "👍", "👎", "❤", "🔥", "🥰", "👏", "😁", "🤔", "🤯", "😱", "🤬", "😢",
        "🎉", "🤩", "🤮", "💩", "🙏", "👌", "🕊", "🤡", "🥱", "🥴", "😍", "🐳",
        "❤‍🔥", "🌚", "🌭", "💯", "🤣", "⚡", "🍌", "🏆", "💔", "🤨", "😐", "🍓",
        "🍾", "💋", "🖕", "😈", "😴", "😭", "🤓", "👻", "👨‍💻", "👀", "🎃", "🙈",
        "😇", "😨", "🤝", "✍", "🤗", "🫡", "🎅", "🎄", "☃", "💅", "🤪", "🗿",
        "🆒", "💘", "🙉", "🦄", "😘", "💊", "🙊", "😎", "👾", "🤷‍♂", "🤷", "🤷‍♀",
        "😡",
    };

    /// <summary>Whether the chat accepts the emoji: on the fixed list, and among the chat's available reactions when its
    /// admins narrowed them.</summary>
    public static bool Allows(FakeChat chat, string emoji) =>
        Emoji.Contains(emoji) && (chat.AvailableReactions is not { } available || available.Contains(emoji));
}
