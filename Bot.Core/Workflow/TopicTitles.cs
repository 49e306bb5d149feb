using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Workflow;

/// <summary>The one place that says what a conversation's staff topic is called: a mark while the order's dispute is
/// open, who has the conversation, then the usual name (<see cref="TopicNames"/>), within Telegram's 128 characters.
/// Claims and the order card's dispute both rename through <see cref="RenameAsync"/>, which reads both as stored. A
/// refusal that may pass (a network failure, flood control) is not caught: the caller's retry or the next change
/// renames again.</summary>
public sealed partial class TopicTitles(
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    IWorkflowRepository workflow,
    IOrderCardRepository cards,
    IChatGateway chat,
    ILogger<TopicTitles> logger) : IDisposable
{
    public const string DisputeMark = "⚖️";

    // One rename at a time, each reading what is stored then: a claim and a dispute at once cannot leave a stale title.
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public static string Of(Conversation conversation, string? claimant, bool disputed)
    {
        var title = claimant is null ? TopicNames.Of(conversation) : $"🙋 {claimant.ReplaceLineEndings(" ").Trim()} · {TopicNames.Of(conversation)}";
        return TextElements.Truncate(disputed ? $"{DisputeMark} {title}" : title, ChatLimits.MaxTopicNameLength);
    }

    /// <summary>Renames the conversation's staff topic to what its claim and dispute say now. A refusal is logged: the
    /// title is a convenience, the claim and the dispute's note stand without it.</summary>
    public async Task RenameAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await RenameNowAsync(conversation, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RenameNowAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ThreadBinding? binding;
        Claim? claim;
        bool disputed;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            binding = await conversations.GetBindingAsync(session, conversation.Id, Audience.Staff);
            claim = await workflow.GetClaimAsync(session, conversation.Id);
            disputed = await cards.DisputeOpenAsync(session, conversation.Id);
        }

        if (binding is not { TopicId: { } topicId })
        {
            return;
        }

        try
        {
            await chat.RenameTopicAsync(binding.ChatId, topicId, Of(conversation, claim?.UserName, disputed), cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.IsNotModified)
        {
            // The title already says it (a press repeated after a restart).
        }
        catch (ChatDeliveryException e) when (e.Kind is ChatErrorKind.BadRequest or ChatErrorKind.Forbidden or ChatErrorKind.TopicDeleted)
        {
            LogRenameRefused(conversation.Id, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the topic could not be renamed to show its claim or dispute: {Reason}")]
    private partial void LogRenameRefused(long conversationId, string reason);
}
