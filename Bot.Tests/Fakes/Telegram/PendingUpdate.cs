using System.Text.Json.Nodes;

namespace Bot.Tests.Fakes.Telegram;

internal sealed record PendingUpdate(long UpdateId, JsonObject Json, DateTimeOffset CreatedAt);
