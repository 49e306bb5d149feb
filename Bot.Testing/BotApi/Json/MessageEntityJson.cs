namespace Bot.Testing.BotApi.Json;

/// <summary>A MessageEntity; offset and length count UTF-16 code units, as in the Bot API.</summary>
internal sealed record MessageEntityJson(string Type, int Offset, int Length);
