using System.Globalization;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>A buyer who starts waiting outside the store's working hours gets one automatic acknowledgment saying when
/// the store opens, at most once per off-hours period per conversation (when <see cref="WorkflowOptions.AcknowledgeOffHours"/>).
/// It is stored as a seller message by <see cref="Author"/>, sent like a staff reply (translated into the buyer's
/// language), recorded in workflow_acks so it ends no wait and does not mark the conversation processed, and shown
/// in the topic as automatic.</summary>
public sealed class OffHoursAcknowledgment(
    IWorkflowRepository workflow,
    IMessageRepository messages,
    IOutboxRepository outbox,
    StaffTopicNotes notes,
    IOptions<WorkflowOptions> options)
{
    /// <summary>The author name of an automatic acknowledgment in the record.</summary>
    public const string Author = "off-hours acknowledgment";

    public async Task SendIfDueAsync(DbSession session, OpenWait wait, DateTimeOffset now)
    {
        if (!options.Value.AcknowledgeOffHours)
        {
            return;
        }

        var hours = options.Value.HoursOf(wait.Account);
        var opening = hours.NextOpening(wait.WaitingSince);
        if (opening <= wait.WaitingSince || now >= opening || await workflow.HasAcknowledgmentAsync(session, wait.ConversationId, opening))
        {
            return; // Written during working hours, the store has opened since, or already acknowledged this period.
        }

        var when = hours.Local(opening).ToString("dddd HH:mm", CultureInfo.InvariantCulture) + $" {hours.Zone.Id} time";
        var text = options.Value.Acknowledgment.Replace("{opening}", when, StringComparison.Ordinal);
        var id = await messages.InsertAsync(session, new NewMessage(
            wait.ConversationId, MessageOrigin.Telegram, AuthorRole.Seller, Author, text, SentAt: now));
        if (id is not { } messageId)
        {
            return;
        }

        await workflow.AddAcknowledgmentAsync(session, wait.ConversationId, opening, messageId, now);
        await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.MarketplaceSend, OutboxKinds.MarketplaceLane(wait.ConversationId), wait.ConversationId, messageId));
        await notes.TellAsync(session, wait.ConversationId, $"🤖 Sent automatically (outside working hours): <i>{Html.Escape(text)}</i>");
    }
}
