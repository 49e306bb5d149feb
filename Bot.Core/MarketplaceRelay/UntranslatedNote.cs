namespace Bot.Core.MarketplaceRelay;

/// <summary>The short note above a staff reply that reaches the marketplace untranslated because the translator
/// failed: in the buyer's language when it is one of these (written here, since the translator is the thing that is
/// down), otherwise in English.</summary>
public static class UntranslatedNote
{
    private static readonly Dictionary<string, string> Notes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "(Automatic translation is unavailable: this is the seller's original message.)",
        ["ru"] = "(Автоматический перевод недоступен: это исходное сообщение продавца.)",
        ["uk"] = "(Автоматичний переклад недоступний: це оригінальне повідомлення продавця.)",
        ["es"] = "(La traducción automática no está disponible: este es el mensaje original del vendedor.)",
        ["pt"] = "(A tradução automática não está disponível: esta é a mensagem original do vendedor.)",
        ["fr"] = "(La traduction automatique n'est pas disponible : voici le message original du vendeur.)",
        ["de"] = "(Die automatische Übersetzung ist nicht verfügbar: Dies ist die Originalnachricht des Verkäufers.)",
        ["it"] = "(La traduzione automatica non è disponibile: questo è il messaggio originale del venditore.)",
        ["nl"] = "(Automatische vertaling is niet beschikbaar: dit is het originele bericht van de verkoper.)",
        ["pl"] = "(Automatyczne tłumaczenie jest niedostępne: to jest oryginalna wiadomość sprzedawcy.)",
        ["tr"] = "(Otomatik çeviri kullanılamıyor: bu, satıcının orijinal mesajıdır.)",
        ["ar"] = "(الترجمة الآلية غير متاحة: هذه هي الرسالة الأصلية من البائع.)",
        ["he"] = "(התרגום האוטומטי אינו זמין: זוהי ההודעה המקורית של המוכר.)",
        ["zh"] = "（自动翻译暂不可用：这是卖家的原始消息。）",
        ["ja"] = "（自動翻訳は利用できません。これは販売者の元のメッセージです。）",
        ["ko"] = "(자동 번역을 사용할 수 없습니다. 판매자의 원본 메시지입니다.)",
    };

    /// <param name="language">The buyer's language (ISO 639-1, a region suffix is ignored), when known.</param>
    public static string For(string? language)
    {
        var primary = language?.Split('-', '_')[0];
        return primary is not null && Notes.TryGetValue(primary, out var note) ? note : Notes["en"];
    }

    /// <summary>Whether a marketplace post starts with the note (how a completed delivery knows it went out untranslated).</summary>
    public static bool IsOn(string? text) =>
        text is not null && Notes.Values.Any(note => text.StartsWith(note, StringComparison.Ordinal));
}
