using Bot.Core.Buyers;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;

namespace Bot.Core.Staff.Commands;

/// <summary>/unlink in a conversation's topic: disconnects the Telegram user linked to this conversation's buyer (who
/// is told) and withdraws the conversation's open invitations, so the same links cannot connect again.</summary>
public sealed class StaffUnlinkCommand(
    IDbConnectionFactory connections,
    IBuyerLinkRepository links,
    IInviteRepository invites,
    Notices notices,
    TimeProvider time) : IStaffCommand
{
    public string Name => "unlink";

    public async Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var linked = BuyerLink.IsBuyerId(conversation.BuyerId)
            ? await links.FindAllForBuyerAsync(session, conversation.Marketplace, conversation.Account, conversation.BuyerId)
            : [];
        foreach (var link in linked)
        {
            await links.UnlinkAsync(session, link.TelegramUserId, now);
            await notices.EnqueueAsync(session, BuyerTexts.Notice(link.ChatId, null, BuyerTexts.UnlinkedByStore, link.Language));
        }

        var withdrawn = await invites.RevokeOpenAsync(session, conversation.Id, now);
        var text = linked.Count == 0
            ? "Nobody is linked to this buyer in Telegram."
            : "🔌 Disconnected " + string.Join(", ", linked.Select(l => $"<b>{Html.Escape(l.DisplayName ?? "")}</b> (id {l.TelegramUserId})"))
                + " from this buyer's conversations; they were told. Replies now reach the buyer only on the marketplace.";
        text += StaffRevokeCommand.Withdrawn(withdrawn, prefix: " ");
        await notices.EnqueueAsync(session, new NoticePayload(message.ChatId, message.TopicId, text, message.MessageId), conversation.Id);
        await session.CommitAsync(cancellationToken);
    }
}
