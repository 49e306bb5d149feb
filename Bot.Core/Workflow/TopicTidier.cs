using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>Keeps the staff group tidy: closes the topic of a conversation quiet for
/// <see cref="WorkflowOptions.CloseQuietAfter"/> with nobody waiting (and finished, per <see cref="ITopicClosePolicy"/>),
/// and reopens it with a note when anything new arrives. Telegram is called outside any transaction.</summary>
public sealed partial class TopicTidier(
    IDbConnectionFactory connections,
    IWorkflowRepository workflow,
    ITopicClosePolicy policy,
    StaffTopicNotes notes,
    IChatGateway chat,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<TopicTidier> logger)
{
    public const int MaxPerRound = 20;

    public async Task TidyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CloseQuietAfter <= TimeSpan.Zero)
        {
            return;
        }

        IReadOnlyList<ClosedTopic> reopened, quiet;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            reopened = await workflow.ListReopenedAsync(session);
            quiet = await workflow.ListQuietAsync(session, time.GetUtcNow() - options.Value.CloseQuietAfter, MaxPerRound);
        }

        foreach (var topic in reopened)
        {
            await SetClosedAsync(topic, closed: false, cancellationToken);
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            await workflow.RemoveClosedAsync(session, topic.ConversationId);
            await notes.TellAsync(session, topic.ConversationId, "📂 Reopened: something new arrived after this topic was closed for quiet.");
            await session.CommitAsync(cancellationToken);
        }

        foreach (var topic in quiet)
        {
            if (await policy.MayCloseAsync(topic.ConversationId, cancellationToken) && await SetClosedAsync(topic, closed: true, cancellationToken))
            {
                await using var session = await DbSession.BeginAsync(connections, cancellationToken);
                await workflow.MarkClosedAsync(session, topic, time.GetUtcNow());
                await session.CommitAsync(cancellationToken);
                LogClosed(topic.ConversationId, topic.TopicId);
            }
        }
    }

    /// <returns>False when Telegram refused for good (the topic is gone, or the bot may not manage topics).</returns>
    private async Task<bool> SetClosedAsync(ClosedTopic topic, bool closed, CancellationToken cancellationToken)
    {
        try
        {
            await (closed
                ? chat.CloseTopicAsync(topic.ChatId, topic.TopicId, cancellationToken)
                : chat.ReopenTopicAsync(topic.ChatId, topic.TopicId, cancellationToken));
            return true;
        }
        catch (ChatDeliveryException e) when (e.IsNotModified)
        {
            return true; // Already so (a person closed it, or a send reopened it).
        }
        catch (ChatDeliveryException e) when (e.Kind is ChatErrorKind.BadRequest or ChatErrorKind.Forbidden or ChatErrorKind.TopicDeleted)
        {
            LogRefused(topic.ConversationId, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId}: quiet, its topic {TopicId} closed")]
    private partial void LogClosed(long conversationId, int topicId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: its topic could not be closed or reopened: {Reason}")]
    private partial void LogRefused(long conversationId, string reason);
}
