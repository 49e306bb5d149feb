using Bot.Core.Translation;
namespace Bot.Testing.BotApi.Json;

internal sealed record UserJson(
    long Id,
    bool IsBot,
    string FirstName,
    string? Username = null,
    string? LanguageCode = null,
    bool? CanJoinGroups = null,
    bool? CanReadAllGroupMessages = null,
    bool? SupportsInlineQueries = null,
    bool? HasTopicsEnabled = null);
