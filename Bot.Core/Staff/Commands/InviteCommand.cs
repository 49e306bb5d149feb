using System.Text.Json;
using Bot.Core.Buyers;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff.Commands;

/// <summary>/invite in a conversation's topic: creates a single-use link and posts an invitation to the buyer
/// through the marketplace conversation (delivered by <see cref="BuyerInviteHandler"/>).</summary>
public sealed class InviteCommand(
    IDbConnectionFactory connections,
    IInviteRepository invites,
    IMessageRepository messages,
    IOutboxRepository outbox,
    InviteCodes codes,
    StaffTopicNotes staff,
    TimeProvider time,
    IMarketplaceClient marketplace,
    IOptions<BuyerOptions> options) : IStaffCommand
{
    public const string RecordText = "[Invitation to continue this conversation in Telegram]";

    public const string NoBuyerId = "⚠️ No invitation: the marketplace gave no buyer id for this conversation, so it cannot be linked to a Telegram user (it could show other buyers' orders). Keep answering here; replies still reach the marketplace.";

    public const string NotAllowed = "⚠️ No invitation: this marketplace's rules forbid inviting buyers to continue elsewhere (sellers are fined for it). Keep answering here.";

    public string Name => "invite";

    public Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken) =>
        InviteAsync(conversation, message.ChatId, message.MessageId, message.FromName, cancellationToken);

    /// <param name="sourceMessageId">The staff message that asked (or a button press's negative update id): replays
    /// of the same request are dropped on it.</param>
    public async Task InviteAsync(Conversation conversation, long sourceChatId, long sourceMessageId, string requestedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        if (!marketplace.Capabilities.InvitesAllowed || !BuyerLink.IsBuyerId(conversation.BuyerId))
        {
            await staff.TellAsync(session, conversation.Id, Bot.Core.Formatting.Html.Escape(marketplace.Capabilities.InvitesAllowed ? NoBuyerId : NotAllowed));
            await session.CommitAsync(cancellationToken);
            return;
        }

        var id = await messages.InsertAsync(session, new NewMessage(
            conversation.Id, MessageOrigin.Telegram, AuthorRole.Staff, requestedBy, RecordText,
            SourceChatId: sourceChatId, SourceMessageId: sourceMessageId, SentAt: now));
        if (id is null)
        {
            return;
        }

        var nonce = InviteCodes.NewNonce();
        var inviteId = await invites.CreateAsync(session, conversation.Id, nonce, InviteCodes.Hash(codes.CodeFor(nonce)), requestedBy, now, now + options.Value.InviteTtl);
        await outbox.EnqueueAsync(session, new OutboxEntry(
            OutboxKinds.BuyerInvite, OutboxKinds.MarketplaceLane(conversation.Id), conversation.Id, id, null, JsonSerializer.Serialize(inviteId)));
        await session.CommitAsync(cancellationToken);
    }
}
