namespace Bot.Testing.BotApi.Json;

/// <summary>A TextQuote: the part of the replied message a reply quotes; position counts UTF-16 code units.</summary>
internal sealed record TextQuoteJson(string Text, int Position, bool? IsManual);
