using System.Globalization;
using System.Text;
using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Staff;
using Bot.Core.Storage;

namespace Bot.Core.Workflow;

/// <summary>/find &lt;order number, buyer name or text&gt; in the general topic: the matching conversations, most recently
/// active first, each linked to its topic.</summary>
public sealed class FindCommand(IDbConnectionFactory connections, IWorkflowRepository workflow, Notices notices) : IStaffGeneralCommand
{
    public const int MaxResults = 10;

    public string Name => "find";

    public async Task HandleAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var query = arguments.Trim();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var html = query.Length < 2
            ? "Usage: /find &lt;order number, buyer name or words from a message&gt; (at least 2 characters)."
            : Text(query, await workflow.FindAsync(session, query, MaxResults + 1));
        await notices.EnqueueAsync(session, new NoticePayload(message.ChatId, null, html, message.MessageId));
        await session.CommitAsync(cancellationToken);
    }

    private static string Text(string query, IReadOnlyList<FoundConversation> found)
    {
        if (found.Count == 0)
        {
            return $"🔎 Nothing found for “{Html.Escape(query)}”.";
        }

        var text = new StringBuilder($"🔎 Found for “{Html.Escape(query)}”, most recent first:");
        foreach (var c in found.Take(MaxResults))
        {
            var label = StaffLinks.Buyer(c.BuyerName, c.ExternalId);
            var link = c is { ChatId: { } chatId, TopicId: { } topicId } ? Html.Link(StaffLinks.Topic(chatId, topicId), label) : Html.Escape(label) + " (no topic)";
            text.Append(CultureInfo.InvariantCulture, $"\n• {link}, last active {c.LastActivityAt:yyyy-MM-dd HH:mm} UTC");
        }

        if (found.Count > MaxResults)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n… and more: make the search narrower.");
        }

        return text.ToString();
    }
}
