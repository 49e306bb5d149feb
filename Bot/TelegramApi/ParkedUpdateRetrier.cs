using System.Text.Json;
using Bot.Core.Routing;
using Bot.Core.Routing.Parking;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.TelegramApi;

/// <summary>Hands updates to the core. One whose handling fails (a locked database, a bug, a malformed update) is
/// stored with its JSON in <see cref="IParkedUpdateRepository"/> instead of holding up the loop, tried again later with
/// growing delays, and when given up on stays there for operators (/updates), logged as an error.</summary>
internal sealed partial class ParkedUpdateRetrier(
    IChatUpdateHandler handler,
    IParkedUpdateRepository parked,
    TimeProvider time,
    UpdateMetrics metrics,
    ILogger<ParkedUpdateRetrier> logger)
{
    private const int RetriesPerRound = 20;

    public async Task HandleOrParkAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await DispatchAsync(update, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var id = await parked.ParkAsync(update.Id, JsonSerializer.Serialize(update, JsonBotAPI.Options), Describe(e), cancellationToken);
            LogParked(e, update.Id, id);
        }
    }

    /// <summary>Parks an update the client library could not decode straight as given up (trying it again would fail
    /// the same way), with its raw JSON and the error, for operators (/updates); logged once and counted.</summary>
    public async Task ParkUndecodableAsync(RawUpdate update, CancellationToken cancellationToken)
    {
        var error = $"Undecodable: {Describe(update.Error!)}";
        var id = await parked.ParkDeadAsync(update.Id ?? 0, update.Json, error, cancellationToken);
        metrics.Undecodable();
        LogUndecodable(update.Error!, update.Id, id);
    }

    /// <summary>Tries the parked updates that are due again, oldest first.</summary>
    public async Task RetryDueAsync(CancellationToken cancellationToken)
    {
        foreach (var item in await parked.GetDueAsync(RetriesPerRound, cancellationToken))
        {
            try
            {
                var update = JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)
                    ?? throw new JsonException("The parked update is empty.");
                await DispatchAsync(update, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (await parked.FailAsync(item, Describe(e), cancellationToken))
                {
                    LogGaveUp(e, item.UpdateId, item.Id, item.Attempts + 1);
                }
                else
                {
                    LogRetryFailed(e, item.UpdateId, item.Id, item.Attempts + 1);
                }

                continue;
            }

            await parked.CompleteAsync(item.Id, cancellationToken);
            LogRecovered(item.UpdateId, item.Id, item.Attempts + 1);
        }
    }

    /// <summary>The long-poll timeout: shorter when a parked update is due before it would end.</summary>
    public async Task<int> PollTimeoutAsync(int configuredSeconds, CancellationToken cancellationToken)
    {
        if (await parked.GetNextDueAsync(cancellationToken) is not { } due)
        {
            return configuredSeconds;
        }

        // At least a second: an update due "now" was just tried, and a zero timeout would spin.
        var seconds = (int)Math.Max(1, Math.Ceiling((due - time.GetUtcNow()).TotalSeconds));
        return Math.Min(seconds, configuredSeconds);
    }

    private async Task DispatchAsync(Update update, CancellationToken cancellationToken)
    {
        if (UpdateMapper.ToMessage(update) is { } message)
        {
            await handler.HandleMessageAsync(message, cancellationToken);
        }
        else if (UpdateMapper.ToCallback(update) is { } callback)
        {
            await handler.HandleCallbackAsync(callback, cancellationToken);
        }
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling update {UpdateId} failed; parked as #{ParkedId} to try again later")]
    private partial void LogParked(Exception error, int updateId, long parkedId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} cannot be decoded; parked as #{ParkedId} for operators (/updates)")]
    private partial void LogUndecodable(Exception error, int? updateId, long parkedId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked update {UpdateId} (#{ParkedId}) failed again (attempt {Attempt})")]
    private partial void LogRetryFailed(Exception error, long updateId, long parkedId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on update {UpdateId} (#{ParkedId}) after {Attempts} attempts; it stays parked for operators (/updates)")]
    private partial void LogGaveUp(Exception error, long updateId, long parkedId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Parked update {UpdateId} (#{ParkedId}) handled on attempt {Attempt}")]
    private partial void LogRecovered(long updateId, long parkedId, int attempt);
}
