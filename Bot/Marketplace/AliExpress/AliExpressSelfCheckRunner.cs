using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Operations;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Runs the self-check at start when a store is connected, and again each time one is connected, and puts
/// the report in the operator chat once per run (the log has a line per method; /status shows the summary).</summary>
internal sealed partial class AliExpressSelfCheckRunner(
    AliExpressSelfCheck check, AliExpressSelfCheckSignal signal, AliExpressTokens tokens, IDbConnectionFactory connections, Notices notices,
    IOptions<OperatorOptions> operators, IOptions<AliExpressOptions> options, ILogger<AliExpressSelfCheckRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SelfCheck)
        {
            return;
        }

        try
        {
            var connected = await ConnectedAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!connected)
                {
                    await signal.WaitAsync(stoppingToken);
                }

                connected = false;
                await RunAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> ConnectedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.CurrentAsync(cancellationToken) is not null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            return false;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await check.RunAsync(cancellationToken);
            if (operators.Value.OperatorChatId is { } chatId)
            {
                await using var session = await DbSession.BeginAsync(connections, cancellationToken);
                await notices.EnqueueAsync(session, new NoticePayload(chatId, null, Html.Escape(report.Text())));
                await session.CommitAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AliExpress self-check could not run")]
    private partial void LogFailed(Exception error);
}
