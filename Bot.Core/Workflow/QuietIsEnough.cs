namespace Bot.Core.Workflow;

/// <summary>The default <see cref="ITopicClosePolicy"/>: a conversation quiet for <see cref="WorkflowOptions.CloseQuietAfter"/>
/// may be closed, whatever its order's state. <c>AddOrderCards</c> replaces it with a rule that keeps a topic open while its order is
/// still going.</summary>
public sealed class QuietIsEnough : ITopicClosePolicy
{
    public Task<bool> MayCloseAsync(long conversationId, CancellationToken cancellationToken) => Task.FromResult(true);
}
