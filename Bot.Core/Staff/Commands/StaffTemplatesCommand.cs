using Bot.Core.Buyers;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff.Commands;

/// <summary>/templates in a conversation's topic: the staff's configured replies as buttons; a tap sends one.</summary>
public sealed class StaffTemplatesCommand(IDbConnectionFactory connections, Notices notices, IOptions<BuyerOptions> options) : IStaffCommand
{
    public const string Prefix = "tpl:";

    public string Name => "templates";

    public async Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken)
    {
        var templates = options.Value.StaffTemplates;
        var lines = templates.Select(t => $"<b>{Html.Escape(t.Key)}</b>: {Html.Escape(t.Value)}");
        var text = templates.Count == 0
            ? "No templates are configured (set Buyers__StaffTemplates__name=text)."
            : "Tap a template to send it to the buyer (translated like any reply):\n" + string.Join('\n', lines);
        var buttons = templates.Keys.Where(k => System.Text.Encoding.UTF8.GetByteCount(Prefix + k) <= ChatLimits.MaxCallbackDataBytes)
            .Select(k => new ChatButton(k, Prefix + k)).Chunk(3).Select(row => (IReadOnlyList<ChatButton>)row).ToList();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await notices.EnqueueAsync(session, new NoticePayload(message.ChatId, message.TopicId, templates.Count == 0 ? Html.Escape(text) : text, message.MessageId, null, buttons), conversation.Id);
        await session.CommitAsync(cancellationToken);
    }
}
