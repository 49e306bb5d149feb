using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>What the fake Telegram saw of one burst: when the last message of each audience was accepted (simulated
/// seconds after the burst began), how many calls it refused with 429, and how many messages never arrived.</summary>
public sealed record BurstOutcome(TimeSpan Completion, TimeSpan GroupDone, TimeSpan PrivateDone, TimeSpan PrivateMedian, int Accepted, int RateLimited, int Lost)
{
    public static BurstOutcome From(IReadOnlyList<ApiCall> calls, DateTimeOffset start, int expected, int rateLimited)
    {
        var sent = calls.Where(c => c.At >= start && c.StatusCode == 200 && c.Method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase)).ToList();
        TimeSpan Last(IEnumerable<ApiCall> xs) => xs.Select(c => c.At - start).DefaultIfEmpty(TimeSpan.Zero).Max();
        var privateTimes = sent.Where(c => c.ChatId > 0).Select(c => c.At - start).Order().ToList();
        return new BurstOutcome(
            Last(sent), Last(sent.Where(c => c.ChatId < 0)), Last(sent.Where(c => c.ChatId > 0)),
            privateTimes.Count == 0 ? TimeSpan.Zero : privateTimes[privateTimes.Count / 2],
            sent.Count, rateLimited, expected - sent.Count);
    }
}
