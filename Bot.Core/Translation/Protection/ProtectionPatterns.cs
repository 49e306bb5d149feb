using System.Text.RegularExpressions;

namespace Bot.Core.Translation.Protection;

/// <summary>What must reach the other side byte for byte: machine translation mangles these (a tracking number
/// turned into words, a price with its decimal separator "localised", a URL translated, an emoji dropped).</summary>
internal static partial class ProtectionPatterns
{
    // Alternatives are tried left to right at each position, so the order is the priority:
    // a URL may contain digits and '@', an e-mail contains what looks like a mention, a price contains digits.
    private const string Url = @"(?:https?://|www\.)[^\s<>""'⟦⟧]+(?<![.,;:!?)\]'""])";
    private const string Email = @"[\w.+-]+@[\w-]+(?:\.[\w-]+)+";

    // Carrier codes: UPU S10 (RB123456789CN), Cainiao LP00123456789012, YT/UA/CNxxx... one to five letters,
    // eight or more digits, up to three letters. Buyers type them in lower case too.
    private const string Tracking = @"(?i:\b[A-Z]{1,5}\d{8,22}[A-Z]{0,3}\b)";
    private const string Amount = @"\d+(?:[.,]\d+)*";
    private const string CurrencyWord = @"USD|EUR|RUB|GBP|CNY|BRL|UAH|TRY|PLN|KZT";
    private const string PriceBefore = @"(?:US\s?\$|R\$|[€$£¥₽₴₺₸]|\b(?:" + CurrencyWord + @"))\s?" + Amount;
    private const string PriceAfter = Amount + @"\s?(?:[€$£¥₽₴₺₸]|(?:" + CurrencyWord + @"|руб(?:лей|ля|ль)?|грн|zł|euros?|dólares|reais)\b\.?)";

    // Order numbers and other long digit runs (AliExpress order ids have 16 digits).
    private const string Digits = @"\b\d{6,}\b";
    private const string Mention = @"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{2,31}\b";

    // Runs of pictographs, including skin-tone modifiers, ZWJ sequences, variation selectors and flags.
    private const string EmojiChar = @"[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u21AA\u231A-\u23FF\u24C2\u25AA-\u27BF\u2934\u2935\u2B05-\u2B55\u3030\u303D\u3297\u3299]|[\uD83C-\uD83E][\uDC00-\uDFFF]";
    private const string Emoji = "(?:" + EmojiChar + @")(?:" + EmojiChar + @"|[\uFE0E\uFE0F\u200D\u20E3])*";

    [GeneratedRegex(
        "(?<url>" + Url + ")|(?<email>" + Email + ")|(?<tracking>" + Tracking + ")|(?<price>" + PriceBefore + "|" + PriceAfter + ")|"
        + "(?<digits>" + Digits + ")|(?<mention>" + Mention + ")|(?<emoji>" + Emoji + ")",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex Protected();

    /// <summary>A placeholder as it comes back: providers may add spaces inside the brackets or, for some targets
    /// (Arabic, Persian), write the number in native digits; \d matches those.</summary>
    [GeneratedRegex(@"⟦\s*(?<n>\d{1,4})\s*⟧", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex Placeholder();
}
