using Bot.Core.Chat;
using Bot.Core.Operations;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.TelegramApi;

/// <summary>Checks at start that the staff chat is a supergroup with topics and that the bot may manage them. A
/// problem is logged once as one sentence saying what to fix, shown on /readyz, and checked again every minute:
/// the host keeps running (storing marketplace messages) instead of crash-looping. Once the chat is usable the check
/// sleeps until a delivery finds it refused (<see cref="StaffChatWatch"/>), then checks again the same way.</summary>
internal sealed partial class StaffChatCheck(
    ITelegramBotClient bot,
    BridgeHealth health,
    StaffChatWatch watch,
    TimeProvider time,
    IOptions<StaffChatOptions> options,
    ILogger<StaffChatCheck> logger) : BackgroundService
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    // Deliveries that go through while the part fails wake the check; this keeps a busy chat from checking non-stop.
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? lastProblem = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var checkedAt = time.GetUtcNow();
                var problem = await FindProblemAsync(stoppingToken);
                if (problem is null)
                {
                    if (!health.StaffChat.Ok)
                    {
                        LogReady(options.Value.StaffChatId);
                    }

                    health.StaffChatReady();
                    lastProblem = null;
                    await watch.WaitAsync(stoppingToken);
                }
                else
                {
                    health.StaffChatProblem(problem);
                    if (problem != lastProblem)
                    {
                        LogProblem(problem);
                        lastProblem = problem;
                    }

                    await WaitRecheckAsync(stoppingToken);
                }

                var gap = MinimumGap - (time.GetUtcNow() - checkedAt);
                if (gap > TimeSpan.Zero)
                {
                    await Task.Delay(gap, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits a minute, or less when a delivery had news about the staff chat.</summary>
    private async Task WaitRecheckAsync(CancellationToken stoppingToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(RecheckInterval, time, cts.Token);
        var woken = watch.WaitAsync(cts.Token);
        await Task.WhenAny(delay, woken);
        await cts.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>The first problem of any staff group (each is checked in turn), or null when all are usable.</summary>
    internal async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        foreach (var chatId in options.Value.AllStaffChatIds)
        {
            if (await FindProblemAsync(chatId, cancellationToken) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private async Task<string?> FindProblemAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            var me = await bot.GetMe(cancellationToken);
            var chat = await bot.GetChat(chatId, cancellationToken);
            if (chat.IsForum != true)
            {
                return $"The staff chat {chatId} has no topics: make it a supergroup and turn on Topics in its settings.";
            }

            var member = await bot.GetChatMember(chatId, me.Id, cancellationToken);
            return member switch
            {
                ChatMemberAdministrator { CanManageTopics: true } => null,
                ChatMemberOwner => null,
                ChatMemberAdministrator => $"The bot is an administrator of the staff chat {chatId} without the right to manage topics: give it 'Manage topics'.",
                _ => $"The bot is not an administrator of the staff chat {chatId}: promote it to administrator with the right to manage topics.",
            };
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            return "Telegram rejected the bot token: check Telegram__BotToken.";
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            return $"The bot cannot see the staff chat {chatId} ({e.Message}): add the bot to the staff group and check Telegram__StaffChatId.";
        }
        catch (Exception e) when (e is RequestException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"Telegram could not be reached to check the staff chat ({e.Message}); retrying.";
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Staff chat not usable: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff chat {ChatId} is ready: topics on, the bot manages them")]
    private partial void LogReady(long chatId);
}
