namespace Bot.Core.Chat;

/// <summary>The part of the replied message a reply quotes (Telegram's TextQuote).</summary>
/// <param name="Text">The quoted text, as it stands in the replied message.</param>
/// <param name="Position">Where the quote starts in the replied message's text, in UTF-16 code units (approximate,
/// as Telegram says: the sender's client gives it).</param>
/// <param name="IsManual">The person chose the quote (false when Telegram added it itself).</param>
public sealed record ChatQuote(string Text, int Position, bool IsManual);
