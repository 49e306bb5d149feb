namespace Bot.Core.Workflow;

/// <summary>A wait that an answer ended: how long the buyer waited and who answered (a staff member's name, or null
/// for a seller message written in the marketplace).</summary>
public sealed record AnsweredWait(long ConversationId, DateTimeOffset WaitingSince, DateTimeOffset AnsweredAt, string? AnsweredBy)
{
    public TimeSpan FirstResponse => AnsweredAt - WaitingSince;
}
