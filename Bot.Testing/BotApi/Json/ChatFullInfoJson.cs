namespace Bot.Testing.BotApi.Json;

/// <summary>accent_color_id, max_reaction_count and accepted_gift_types are required by Bot API 9+; available_reactions
/// is left out when all emoji are allowed.</summary>
internal sealed record ChatFullInfoJson(
    long Id,
    string Type,
    int AccentColorId,
    int MaxReactionCount,
    AcceptedGiftTypesJson AcceptedGiftTypes,
    string? Title = null,
    string? FirstName = null,
    bool? IsForum = null,
    IReadOnlyList<ReactionTypeJson>? AvailableReactions = null);
