using Bot.Core.Drafts;

namespace Bot.Drafts;

/// <summary>Writes the drafts staff asked for, one at a time, away from the loop that reads Telegram's updates, so a
/// slow model holds up nothing else. A failed draft is logged and the next one written.</summary>
internal sealed partial class DraftWorker(DraftQueue queue, DraftWriter writer, ILogger<DraftWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await writer.WriteAsync(request, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(request.ConversationId, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Drafts: writing a draft for conversation {ConversationId} failed")]
    private partial void LogFailed(long conversationId, Exception error);
}
