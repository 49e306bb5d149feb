namespace Bot.Core.Chat;

/// <summary>An inline button: either callback data (≤ 64 bytes) or a URL.</summary>
public sealed record ChatButton(string Text, string? CallbackData = null, string? Url = null);
