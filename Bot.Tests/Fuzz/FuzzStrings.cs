using System.Text;

namespace Bot.Tests.Fuzz;

/// <summary>Awkward text: empty and huge strings, lone surrogates, ZWJ emoji, RTL and zero-width marks, control
/// characters, HTML and command look-alikes. Deterministic for a given <see cref="Random"/>.</summary>
internal static class FuzzStrings
{
    private static readonly string[] Pieces =
    [
        "", " ", "\n", "\t", "\r\n", "\0", "\u0007", "hello", "Привет", "你好", "مرحبا", "שלום",
        "\u200F", "\u200E", "\u202E", "\u202D", "\u2066", "\u2069", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u2028", "\u2029",
        "👩‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇷🇺", "❤️", "\uD83D", "\uDE00", "\uDBFF\uDFFF", "e\u0301\u0301\u0301", "Z\u0336\u0337",
        "<b>", "</i>", "&amp;", "&", "<", ">", "\"", "'", "<a href=\"javascript:alert(1)\">x</a>", "<tg-spoiler>", "<pre><code>",
        "/start", "/start abc", "/status", "/help", "/orders", "/lang xx", "/retry 1", "/retry -1", "/retry 99999999999999999999",
        "/deadletters", "/setaside", "/templates", "/invite", "@fake_bridge_bot", "/status@fake_bridge_bot", "/", "//", "/ ",
        "{\"json\":1}", "%s%n", "${x}", "\\", "'; DROP TABLE messages; --", "NaN", "-0", "1e20", "9223372036854775808",
    ];

    public static string Next(Random random) => random.Next(20) switch
    {
        0 => "",
        1 => Huge(random, random.Next(4097, 12_000)),
        2 => new string(' ', random.Next(1, 50)),
        3 => Huge(random, random.Next(300, 4096)),
        _ => Mix(random, random.Next(1, 8)),
    };

    /// <summary>Short, so not every message needs splitting.</summary>
    public static string Mix(Random random, int parts)
    {
        var text = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) == 0)
            {
                text.Append((char)random.Next(0x20, 0xFFFF));
            }
        }

        return text.ToString();
    }

    public static string Huge(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(random.Next(4) == 0 ? Pieces[random.Next(Pieces.Length)] : "lorem ipsum ");
        }

        return text.ToString(0, length);
    }

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
