using Bot.Core.Drafts;

namespace Bot.Drafts;

/// <summary>Writes the drafts staff asked for, one at a time, away from the loop that reads Telegram's updates, so a
/// slow model holds up nothing else; requests stored before a restart first. A failed draft is logged, its request
/// dropped and the next one written; one cut short by a stop stays stored for the next start.</summary>
internal sealed partial class DraftWorker(DraftQueue queue, DraftWriter writer, ILogger<DraftWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pending in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await writer.WriteAsync(pending, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(pending.Request.ConversationId, e);
                }

                try
                {
                    // The draft (or the line saying why there is none) is posted: its request is done even if a stop began.
                    await queue.CompleteAsync(pending.Id, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogNotCompleted(pending.Id, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Drafts: writing a draft for conversation {ConversationId} failed")]
    private partial void LogFailed(long conversationId, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Drafts: request {RequestId} could not be marked done; it is written again after a restart")]
    private partial void LogNotCompleted(long requestId, Exception error);
}
