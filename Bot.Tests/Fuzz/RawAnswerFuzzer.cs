using System.Globalization;
using System.Text;

namespace Bot.Tests.Fuzz;

/// <summary>Whole AliExpress answers as raw text, for what a JSON writer cannot produce: lone UTF-16 surrogate escapes,
/// duplicate keys, numbers beyond any range, deep nesting.</summary>
internal sealed class RawAnswerFuzzer(Random random)
{
    private static readonly string[] Texts =
    [
        @"half \ud800 an emoji", @"\udc00 low first", @"pair \ud83d\ude00 ok", @"literal \\ud800 text", @"\u202e\u200f rtl", @"nul \u0000 char",
        @"\ud83d", "", @"\u003cb\u003e tag",
    ];

    public string Relations(IReadOnlyList<string> channels)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var rows = string.Join(",", channels.Select(c =>
            "{\"channel_id\": " + c + ", \"order_id\": " + c + ", \"other_login_id\": \"" + Text() + "\", \"other_name\": \"" + Text()
            + "\", \"message_time\": " + Pick(now, now, "1e400", "-0", now + ", \"message_time\": 1") + ", \"channel_id\": " + c + "}"));
        return Wrap("querymsgrelationlist", "{\"is_success\": true, \"relation_list\": {\"relation_result\": [" + rows + "]}}");
    }

    public string Details()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var rows = new StringBuilder();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            rows.Append(rows.Length > 0 ? "," : "")
                .Append("{\"id\": \"").Append(Pick("raw-" + random.Next(1000).ToString(CultureInfo.InvariantCulture), Text(), ""))
                .Append("\", \"gmt_create\": ").Append(Pick(now, "1e400", "\"" + Text() + "\""))
                .Append(", \"content\": \"").Append(Text()).Append("\", \"message_type\": \"").Append(Text())
                .Append("\", \"summary\": {\"sender_login_id\": \"").Append(Text()).Append("\"}}");
        }

        return random.Next(10) == 0
            ? new string('[', 200) + new string(']', 200) // deeper than the reader allows
            : Wrap("querymsgdetaillist", "{\"is_success\": true, \"message_detail_list\": {\"message_detail\": [" + rows + "]}}");
    }

    private static string Wrap(string method, string result) =>
        "{\"aliexpress_message_redefining_versiontwo_" + method + "_response\": {\"result\": " + result + ", \"request_id\": \"raw\"}}";

    private string Text() => Texts[random.Next(Texts.Length)];

    private string Pick(params string[] values) => values[random.Next(values.Length)];
}
