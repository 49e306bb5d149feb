using Bot.Core.Translation;

namespace Bot.Core.MarketplaceRelay;

/// <summary>How a staff reply reads on the marketplace: the translation, and the original beneath it so that
/// nothing is ambiguous in a dispute; when the translator failed, the original under a short note saying so.</summary>
public static class MarketplaceFormatter
{
    public static string Reply(TranslationResult translation, bool includeOriginal) =>
        translation.Status == TranslationStatus.Failed ? $"{UntranslatedNote.For(translation.TargetLanguage)}\n\n{translation.Text}"
        : translation.IsTranslated && includeOriginal ? $"{translation.Text}\n\n---\n({translation.SourceLanguage ?? "original"}) {translation.Original}"
        : translation.Text;

    /// <summary>A buyer's message written in Telegram, as it appears in the order comments.</summary>
    public static string FromBuyerInTelegram(string text) => $"[Written by the buyer in Telegram]\n{text}";
}
