namespace Bot.Core.Workflow;

/// <summary>The default <see cref="ITopicClosePolicy"/>: a conversation quiet for <see cref="WorkflowOptions.CloseQuietAfter"/>
/// may be closed, whatever its order's state (the adapters do not report order status yet).</summary>
public sealed class QuietIsEnough : ITopicClosePolicy
{
    public Task<bool> MayCloseAsync(long conversationId, CancellationToken cancellationToken) => Task.FromResult(true);
}
