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

    /// <summary>Staff topics looked at for quiet in a round: a pass over 100,000 topics takes 50 rounds (50 minutes at
    /// the default sweep), against a quiet time of hours or days, and a round reads the messages of these alone.</summary>
    public const int DefaultTopicsPerRound = 2_000;

    internal int TopicsPerRound { get; set; } = DefaultTopicsPerRound;

    // Where the next round goes on: rounds run one at a time (the workflow worker's loop).
    private long quietAfter;
    private long? reopenedSince;

    public async Task TidyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CloseQuietAfter <= TimeSpan.Zero)
        {
            return;
        }

        IReadOnlyList<ClosedTopic> reopened, quiet;
        long latest;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            // The latest message first: what arrives while this round reads is looked at again in the next.
            latest = await workflow.LatestMessageIdAsync(session);
            reopened = await workflow.ListReopenedAsync(session, reopenedSince);
            var after = quietAfter;
            var upTo = await workflow.StaffTopicsWindowEndAsync(session, after, TopicsPerRound);
            if (upTo is null && after > 0)
            {
                after = 0; // Past the last topic: start the next pass.
                upTo = await workflow.StaffTopicsWindowEndAsync(session, after, TopicsPerRound);
            }

            quiet = upTo is { } end
                ? await workflow.ListQuietAsync(session, time.GetUtcNow() - options.Value.CloseQuietAfter, after, end, MaxPerRound)
                : [];
            // A full round's worth: the rest of the window comes next round; otherwise the window is done.
            quietAfter = quiet.Count == MaxPerRound ? quiet[^1].ConversationId : upTo ?? 0;
        }

        foreach (var topic in reopened)
        {
            await SetClosedAsync(topic, closed: false, cancellationToken);
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            await workflow.RemoveClosedAsync(session, topic.ConversationId);
            await notes.TellAsync(session, topic.ConversationId, "📂 Reopened: something new arrived after this topic was closed for quiet.");
            await session.CommitAsync(cancellationToken);
        }

        // Only once every reopened topic is done: one that failed is found again by the next round.
        reopenedSince = latest;

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
