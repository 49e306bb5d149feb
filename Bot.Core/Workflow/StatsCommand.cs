using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Staff;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>/stats in the staff chat's general topic: answers per person and for the team, this week and last.</summary>
public sealed class StatsCommand(
    IDbConnectionFactory connections,
    IWorkflowRepository workflow,
    Notices notices,
    TimeProvider time,
    IOptions<WorkflowOptions> options) : IStaffGeneralCommand
{
    public string Name => "stats";

    public async Task HandleAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hours = options.Value.DefaultHours;
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var answered = await workflow.ListAnsweredAsync(session, StaffStats.Weeks(hours, now).LastWeek);
        await notices.EnqueueAsync(session, new NoticePayload(message.ChatId, null, StaffStats.Text(answered, hours, now), message.MessageId));
        await session.CommitAsync(cancellationToken);
    }
}
