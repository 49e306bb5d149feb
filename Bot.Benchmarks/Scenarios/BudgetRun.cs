using System.Text.RegularExpressions;
using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>What the fake Telegram saw of one budget run, from the burst's start: the staff group's calls, the buyer
/// messages each staff send carried, when each buyer message reached staff, and the private chats' sends.</summary>
public sealed partial record BudgetRun(
    TimeSpan Completion, int GroupSends, int Texts, int TextSends, int RateLimited, TimeSpan MedianWait, TimeSpan LastWait, TimeSpan PrivateDone, int Lost)
{
    public double TextsPerSend => TextSends == 0 ? 0 : Texts / (double)TextSends;

    public static BudgetRun From(FakeTelegramServer server, IReadOnlyList<long> staffChatIds, DateTimeOffset begin, int expectedTexts, int rateLimited)
    {
        var calls = server.Requests.Where(c => c.At >= begin && c.StatusCode == 200).ToList();
        var group = calls.Where(c => c.ChatId is { } chat && staffChatIds.Contains(chat) && (c.Method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase) || c.Method.Equals("createForumTopic", StringComparison.OrdinalIgnoreCase))).ToList();
        var staffSends = staffChatIds.SelectMany(id => server.SentTo(id)).Where(m => m.SentAt >= begin).OrderBy(m => m.SentAt).ToList();
        var firstSeen = new Dictionary<string, TimeSpan>();
        foreach (var send in staffSends)
        {
            foreach (var marker in Marker().Matches(send.VisibleText ?? "").Select(m => m.Value))
            {
                firstSeen.TryAdd(marker, send.SentAt - begin);
            }
        }

        var waits = firstSeen.Values.Order().ToList();
        var privateTimes = calls.Where(c => c.ChatId > 0).Select(c => c.At - begin).ToList();
        return new BudgetRun(
            group.Select(c => c.At - begin).DefaultIfEmpty().Max(), group.Count, firstSeen.Count, staffSends.Count(s => Marker().IsMatch(s.VisibleText ?? "")),
            rateLimited, waits.Count == 0 ? TimeSpan.Zero : waits[waits.Count / 2], waits.DefaultIfEmpty().Max(),
            privateTimes.DefaultIfEmpty().Max(), expectedTexts - firstSeen.Count);
    }

    public string Describe() =>
        $"{Reporting.Report.Seconds(Completion.TotalSeconds)}; {GroupSends} group sends; {TextsPerSend:N1} texts/send; {RateLimited} 429s; " +
        $"wait median {Reporting.Report.Seconds(MedianWait.TotalSeconds)}, last {Reporting.Report.Seconds(LastWait.TotalSeconds)}" +
        (Lost == 0 ? "" : $"; {Lost} LOST");

    /// <summary>The marker every generated buyer message of these runs starts with.</summary>
    [GeneratedRegex(@"#\d+(?= )")]
    private static partial Regex Marker();
}
