using System.Text.RegularExpressions;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;

namespace Bot.Tests.EndToEnd;

/// <summary>What the fakes received, read as buyer messages and staff replies.</summary>
public sealed partial class MultiInstanceEndToEndTests
{
    /// <summary>Buyer messages shown in the staff group, in the order Telegram received them (repeats included).</summary>
    private static List<string> Relayed(FakeTelegramServer telegram) =>
        telegram.SentTo(Staff).SelectMany(m => BuyerText().Matches(m.VisibleText ?? "").Select(x => x.Value)).ToList();

    /// <summary>Staff replies posted into the marketplace, in the order it received them.</summary>
    private static List<string> Replies(FakeAliExpressServer aliexpress) =>
        aliexpress.Sent.SelectMany(s => ReplyText().Matches(s.Content).Select(x => x.Value)).ToList();

    /// <summary>Each conversation's messages in the order of their first appearance.</summary>
    private static IEnumerable<List<string>> ByOrder(IEnumerable<string> texts) =>
        texts.Distinct().GroupBy(t => t.Split('-')[0].TrimStart('o', 'r')).Select(g => g.ToList());

    /// <summary>Sends that repeat a text an earlier send already carried.</summary>
    private static int Resends(IEnumerable<string?> sends)
    {
        var seen = new HashSet<string>();
        var resends = 0;
        foreach (var send in sends)
        {
            var texts = Texts().Matches(send ?? "").Select(x => x.Value).ToList();
            resends += texts.Any(seen.Contains) ? 1 : 0;
            seen.UnionWith(texts);
        }

        return resends;
    }

    private static int Conflicts(FakeTelegramServer telegram) => telegram.Requests.Count(r => r.Method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase) && r.StatusCode == 409);

    [GeneratedRegex(@"\bo\d-[abc]\d{2}\b")]
    private static partial Regex BuyerText();

    [GeneratedRegex(@"\br\d-\d\b")]
    private static partial Regex ReplyText();

    [GeneratedRegex(@"\b[or]\d-[abc]?\d{1,2}\b")]
    private static partial Regex Texts();
}
