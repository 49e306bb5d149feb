using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Workflow;

/// <summary>Who has a conversation: taking it (/claim, the card's "Take" button) and giving it back (/unclaim). The
/// claim is stored first, with a note in the topic; then the topic's title is renamed to show who has it (a failed
/// rename is logged: the claim holds and the note says it).</summary>
public sealed partial class ConversationClaims(
    IDbConnectionFactory connections,
    IWorkflowRepository workflow,
    Notices notices,
    IChatGateway chat,
    TimeProvider time,
    ILogger<ConversationClaims> logger)
{
    /// <summary>The topic title of a claimed conversation: who has it, then the usual name.</summary>
    public static string Title(Conversation conversation, string? claimant) => claimant is null
        ? TopicNames.Of(conversation)
        : TextElements.Truncate($"🙋 {claimant.ReplaceLineEndings(" ").Trim()} · {TopicNames.Of(conversation)}", ChatLimits.MaxTopicNameLength);

    /// <returns>A short answer for the person (a button press's notice).</returns>
    public async Task<string> ClaimAsync(Conversation conversation, long chatId, int topicId, long userId, string name, int? replyTo, CancellationToken cancellationToken)
    {
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var previous = await workflow.GetClaimAsync(session, conversation.Id);
            if (previous?.UserId == userId)
            {
                if (replyTo is not null)
                {
                    await notices.EnqueueAsync(session, new NoticePayload(chatId, topicId, "You already have this conversation.", replyTo), conversation.Id);
                    await session.CommitAsync(cancellationToken);
                }

                return "You already have this conversation.";
            }

            await workflow.SetClaimAsync(session, new Claim(conversation.Id, userId, name, time.GetUtcNow()));
            var from = previous is null ? "" : $" (taken over from {Html.Escape(previous.UserName)})";
            await notices.EnqueueAsync(session, new NoticePayload(chatId, topicId, $"🙋 <b>{Html.Escape(name)}</b> has this conversation{from}. /unclaim gives it back.", replyTo), conversation.Id);
            await session.CommitAsync(cancellationToken);
        }

        await RenameAsync(conversation, chatId, topicId, name, cancellationToken);
        return "You have this conversation now.";
    }

    public async Task UnclaimAsync(Conversation conversation, long chatId, int topicId, string name, int? replyTo, CancellationToken cancellationToken)
    {
        bool removed;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var previous = await workflow.GetClaimAsync(session, conversation.Id);
            removed = await workflow.RemoveClaimAsync(session, conversation.Id);
            var text = previous is null
                ? "Nobody has this conversation."
                : $"👐 {Html.Escape(name)} gave back this conversation{(previous.UserName == name ? "" : $" (it was {Html.Escape(previous.UserName)}'s)")}; anyone may take it.";
            await notices.EnqueueAsync(session, new NoticePayload(chatId, topicId, text, replyTo), conversation.Id);
            await session.CommitAsync(cancellationToken);
        }

        if (removed)
        {
            await RenameAsync(conversation, chatId, topicId, null, cancellationToken);
        }
    }

    private async Task RenameAsync(Conversation conversation, long chatId, int topicId, string? claimant, CancellationToken cancellationToken)
    {
        try
        {
            await chat.RenameTopicAsync(chatId, topicId, Title(conversation, claimant), cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.Message.Contains("TOPIC_NOT_MODIFIED", StringComparison.Ordinal))
        {
            // The title already says it (a press repeated after a restart).
        }
        catch (ChatDeliveryException e) when (e.Kind is ChatErrorKind.BadRequest or ChatErrorKind.Forbidden or ChatErrorKind.TopicDeleted)
        {
            LogRenameRefused(conversation.Id, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the topic could not be renamed for its claim: {Reason}")]
    private partial void LogRenameRefused(long conversationId, string reason);
}
