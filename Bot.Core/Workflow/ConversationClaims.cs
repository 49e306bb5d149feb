using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;

namespace Bot.Core.Workflow;

/// <summary>Who has a conversation: taking it (/claim, the card's "Take" button) and giving it back (/unclaim, the
/// card's "Release" button). The claim is stored first, with a note in the topic; then the topic's title
/// (<see cref="TopicTitles"/>) and the order card (<see cref="CardEditor"/>) are changed to show who has it (a failed
/// rename or edit is logged: the claim holds and the note says it).</summary>
public sealed class ConversationClaims(
    IDbConnectionFactory connections,
    IWorkflowRepository workflow,
    Notices notices,
    TopicTitles titles,
    CardEditor card,
    TimeProvider time)
{
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

        await ShowAsync(conversation, cancellationToken);
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
            await ShowAsync(conversation, cancellationToken);
        }
    }

    private async Task ShowAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        await titles.RenameAsync(conversation, cancellationToken);
        await card.ShowClaimAsync(conversation, cancellationToken);
    }
}
