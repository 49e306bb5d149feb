using System.Globalization;
using Bot.Core.Formatting;

namespace Bot.Core.Workflow;

/// <summary>Links and mentions for messages to staff.</summary>
public static class StaffLinks
{
    /// <summary>A link to a topic of a supergroup: t.me/c/&lt;id without -100&gt;/&lt;thread&gt;, which members can open.</summary>
    public static string Topic(long chatId, int topicId)
    {
        var id = chatId <= -1_000_000_000_000 ? -chatId - 1_000_000_000_000 : Math.Abs(chatId);
        return string.Create(CultureInfo.InvariantCulture, $"https://t.me/c/{id}/{topicId}");
    }

    /// <summary>A mention that notifies the person even without a username.</summary>
    public static string Mention(long userId, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"<a href=\"tg://user?id={userId}\">{Html.Escape(name)}</a>");

    /// <summary>What a staff member sees for a buyer (plain text): name and order (or chat) id.</summary>
    public static string Buyer(string? buyerName, string externalId) => $"{buyerName ?? "Buyer"} · {externalId}";
}
