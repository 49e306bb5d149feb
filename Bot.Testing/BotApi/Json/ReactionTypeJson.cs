namespace Bot.Testing.BotApi.Json;

/// <summary>A ReactionType; the fake knows only type "emoji".</summary>
internal sealed record ReactionTypeJson(string Type, string Emoji)
{
    public static ReactionTypeJson Of(string emoji) => new("emoji", emoji);
}
