using System.Globalization;
using System.Text;
using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>Once per working day, at <see cref="WorkflowOptions.DigestAt"/>, a list of the buyers waiting for an answer
/// in the general topic of each staff group that has any: oldest first, each a link to its topic. Nothing when nobody
/// waits.</summary>
public sealed class WaitDigest(
    IWorkflowRepository workflow,
    Notices notices,
    IOptions<StaffChatOptions> staffChat,
    IOptions<WorkflowOptions> options)
{
    /// <summary>The most lines one digest lists; the rest are counted.</summary>
    public const int MaxLines = 40;

    // A working day whose digest time came with nobody waiting: remembered here rather than written, so an idle bridge
    // leaves the database alone. After a restart that day is looked at again, and sends a digest only if someone waits.
    private DateOnly? quietDay;

    public async Task SendIfDueAsync(DbSession session, IReadOnlyList<OpenWait> open, DateTimeOffset now)
    {
        if (options.Value.DigestAt.Length == 0)
        {
            return;
        }

        var hours = options.Value.DefaultHours;
        var day = hours.DayOf(now);
        var at = TimeOnly.ParseExact(options.Value.DigestAt, "HH:mm", CultureInfo.InvariantCulture);
        if (hours.Window(day) is null || TimeOnly.FromDateTime(hours.Local(now).DateTime) < at)
        {
            return; // A day off, or not yet time.
        }

        if (quietDay == day)
        {
            return;
        }

        if (open.Count == 0)
        {
            quietDay = day;
            return;
        }

        if (!await workflow.MarkDigestAsync(session, day, now))
        {
            return;
        }

        // Each staff group hears of its own conversations (its people may not be members of the others).
        var groups = staffChat.Value;
        foreach (var group in open.GroupBy(w => w.ChatId is { } chat && groups.IsStaffChat(chat) ? chat : groups.StaffChatId))
        {
            await notices.EnqueueAsync(session, new NoticePayload(group.Key, null, Text([.. group], now)));
        }
    }

    /// <summary>The digest's HTML.</summary>
    public static string Text(IReadOnlyList<OpenWait> open, DateTimeOffset now)
    {
        var text = new StringBuilder($"📋 <b>{Plural.Of(open.Count, "buyer waits", "buyers wait")} for an answer</b>, oldest first:");
        foreach (var wait in open.Take(MaxLines))
        {
            var label = StaffLinks.Buyer(wait.BuyerName, wait.ExternalId);
            var link = wait is { ChatId: { } chatId, TopicId: { } topicId } ? Html.Link(StaffLinks.Topic(chatId, topicId), label) : Html.Escape(label);
            var who = wait.ClaimedBy is { } name ? $" ({Html.Escape(name)})" : "";
            text.Append(CultureInfo.InvariantCulture, $"\n• {link}: {Durations.Format(now - wait.WaitingSince)}{who}");
        }

        if (open.Count > MaxLines)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n… and {open.Count - MaxLines} more.");
        }

        return text.ToString();
    }
}
