using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>Looks at every buyer's wait for an answer: records waits that began and ended since the last look (ended
/// ones give first-response times), reminds a topic once per wait when the wait passed the store's threshold in
/// working hours (mentioning whoever claimed it), and sends the daily digest. One transaction per look, so a reminder
/// is queued exactly when its wait is marked reminded.</summary>
public sealed partial class WaitWatch(
    IDbConnectionFactory connections,
    IWorkflowRepository workflow,
    Notices notices,
    StaffTopicNotes notes,
    WaitDigest digest,
    OffHoursAcknowledgment acknowledgment,
    FirstResponseTimes times,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<WaitWatch> logger)
{
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<AnsweredWait> answered;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await workflow.OpenNewWaitsAsync(session);
            answered = await workflow.CloseAnsweredWaitsAsync(session);
            foreach (var wait in answered)
            {
                await NoteOtherAnswererAsync(session, wait);
            }

            var open = await workflow.ListOpenWaitsAsync(session);
            foreach (var wait in open)
            {
                await acknowledgment.SendIfDueAsync(session, wait, now);
                await RemindAsync(session, wait, now);
            }

            await digest.SendIfDueAsync(session, open, now);
            await session.CommitAsync(cancellationToken);
        }

        foreach (var wait in answered)
        {
            times.Record(wait.FirstResponse);
        }
    }

    /// <summary>Someone other than the claimant answered: fine, and said in the topic so the claimant knows.</summary>
    private async Task NoteOtherAnswererAsync(DbSession session, AnsweredWait wait)
    {
        if (wait.AnsweredBy is { } by && await workflow.GetClaimAsync(session, wait.ConversationId) is { } claim && claim.UserName != by)
        {
            await notes.TellAsync(session, wait.ConversationId, $"ℹ️ {Html.Escape(by)} answered; {Html.Escape(claim.UserName)} has this conversation.");
        }
    }

    private async Task RemindAsync(DbSession session, OpenWait wait, DateTimeOffset now)
    {
        if (wait.RemindedAt is not null || wait is not { ChatId: { } chatId, TopicId: { } topicId })
        {
            return; // Reminded already, or its topic is not there yet.
        }

        var hours = options.Value.HoursOf(wait.Account);
        var waited = hours.Between(wait.WaitingSince, now);
        if (hours.ReminderAfter <= TimeSpan.Zero || waited < hours.ReminderAfter)
        {
            return;
        }

        if (!await workflow.MarkRemindedAsync(session, wait.ConversationId, wait.FirstMessageId, now))
        {
            return;
        }

        var since = hours.Local(wait.WaitingSince).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        var who = wait is { ClaimedById: { } userId, ClaimedBy: { } name } ? StaffLinks.Mention(userId, name) + ", " : "";
        var html = $"⏰ {who}the buyer has waited {Durations.Format(waited)} of working time for an answer (since {Html.Escape(since)}).";
        await notices.EnqueueAsync(session, new NoticePayload(chatId, topicId, html), wait.ConversationId);
        LogReminded(wait.ConversationId, waited);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId}: reminded staff after {Waited} of working time")]
    private partial void LogReminded(long conversationId, TimeSpan waited);
}
