using Bot.Core.Buyers;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Storage;

namespace Bot.Core.Staff.Commands;

/// <summary>/revoke in a conversation's topic: withdraws its invitations that are not used yet; their links then get
/// a clear refusal. A buyer already linked stays linked (that is /unlink).</summary>
public sealed class StaffRevokeCommand(IDbConnectionFactory connections, IInviteRepository invites, Notices notices, TimeProvider time) : IStaffCommand
{
    public string Name => "revoke";

    public async Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var withdrawn = await invites.RevokeOpenAsync(session, conversation.Id, time.GetUtcNow());
        var text = withdrawn == 0 ? "No open invitations to withdraw." : Withdrawn(withdrawn, prefix: "");
        await notices.EnqueueAsync(session, new NoticePayload(message.ChatId, message.TopicId, text, message.MessageId), conversation.Id);
        await session.CommitAsync(cancellationToken);
    }

    internal static string Withdrawn(int count, string prefix) => count switch
    {
        0 => "",
        1 => prefix + "🚫 1 invitation withdrawn: its link no longer works.",
        _ => prefix + $"🚫 {count} invitations withdrawn: their links no longer work.",
    };
}
