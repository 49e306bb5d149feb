using System.Text.Json.Nodes;

namespace Bot.Testing.BotApi;

/// <param name="Raw">When set, the update as JSON text, sent byte for byte instead of <paramref name="Json"/>.</param>
internal sealed record PendingUpdate(long UpdateId, JsonObject Json, DateTimeOffset CreatedAt, string? Raw = null);
