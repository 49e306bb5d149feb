using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Relay;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Buyers;

/// <summary>/invite in a conversation's topic: creates a single-use link and posts an invitation to the buyer
/// through the marketplace conversation (delivered by <see cref="BuyerInviteHandler"/>).</summary>
public sealed class InviteCommand(
    IDbConnectionFactory connections,
    InviteRepository invites,
    MessageRepository messages,
    OutboxStore outbox,
    InviteCodes codes,
    TimeProvider time,
    IOptions<BuyerOptions> options) : IStaffCommand
{
    public const string RecordText = "[Invitation to continue this conversation in Telegram]";

    public string Name => "invite";

    public async Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        // The record of the invitation is the staff command itself: replays of the same update are dropped here.
        var id = await messages.InsertAsync(session, new NewMessage(
            conversation.Id, NewMessage.FromTelegram, AuthorRole.Staff, message.FromName, RecordText,
            SourceChatId: message.ChatId, SourceMessageId: message.MessageId, SentAt: message.Date));
        if (id is null)
        {
            return;
        }

        var nonce = InviteCodes.NewNonce();
        var inviteId = await invites.CreateAsync(session, conversation.Id, nonce, InviteCodes.Hash(codes.CodeFor(nonce)), message.FromName, now, now + options.Value.InviteTtl);
        await outbox.EnqueueAsync(session, new OutboxEntry(
            OutboxKinds.BuyerInvite, OutboxKinds.MarketplaceLane(conversation.Id), conversation.Id, id, null, JsonSerializer.Serialize(inviteId)));
        await session.CommitAsync(cancellationToken);
    }
}
