namespace Bot.Core.Chat;

/// <summary>An inline button: either callback data (≤ 64 bytes) or a URL.</summary>
/// <param name="Translatable">The label is English text to translate with the notice that carries it (not an order
/// number or a product name).</param>
public sealed record ChatButton(string Text, string? CallbackData = null, string? Url = null, bool Translatable = false);
