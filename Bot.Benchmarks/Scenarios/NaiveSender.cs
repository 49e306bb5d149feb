using Bot.Benchmarks.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Benchmarks.Scenarios;

/// <summary>The baseline: send each message in arrival order, one after the other, and let the client library retry
/// 429s. Telegram.Bot retries inside MakeRequestAsync with a real-time Task.Delay(retry_after), which cannot run
/// in simulated time; so the client runs with RetryCount = 0 and this class repeats the library's rule with the
/// library's default options: on a 429 whose retry_after ≤ RetryThreshold, while attempt &lt; RetryCount, wait
/// retry_after and send again; otherwise the error surfaces and the message is lost.</summary>
public sealed class NaiveSender(ITelegramBotClient bot, SimulationPump pump, TimeProvider clock, int retryThreshold, int retryCount)
{
    public int Failed { get; private set; }

    public async Task SendAllAsync(IReadOnlyList<BurstSend> sends, IReadOnlyDictionary<int, int> topicOf)
    {
        foreach (var send in sends)
        {
            try
            {
                await WithLibraryRetriesAsync(() => bot.SendMessage(
                    send.ChatId, send.Text, messageThreadId: send.Conversation is { } c ? topicOf[c] : null));
            }
            catch (ApiRequestException)
            {
                Failed++;
            }
        }
    }

    public async Task<T> WithLibraryRetriesAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await pump.TrackAsync(call);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && retryThreshold > 0 && attempt < retryCount &&
                                                 e.Parameters?.RetryAfter is { } retryAfter && retryAfter <= retryThreshold)
            {
                await Task.Delay(TimeSpan.FromSeconds(retryAfter), clock);
            }
        }
    }

    public Task<ForumTopic> CreateTopicAsync(long chatId, string name) => WithLibraryRetriesAsync(() => bot.CreateForumTopic(chatId, name));
}
