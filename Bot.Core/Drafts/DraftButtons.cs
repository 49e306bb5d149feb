using System.Globalization;
using Bot.Core.Chat;

namespace Bot.Core.Drafts;

/// <summary>The "✍️ Draft" button under buyer messages and on the order card, and the draft's "Send" button.</summary>
public static class DraftButtons
{
    /// <summary>The card's button: a draft for the conversation's latest messages.</summary>
    public const string Latest = "draft";

    /// <summary>Under one message (or a merged post): "draft:{stored message id}", a draft answering up to that message.</summary>
    public const string Prefix = "draft:";

    public const string Send = "draft-send";

    public const string Label = "✍️ Draft";

    /// <summary>The button under a buyer's message, or none when drafts are off.</summary>
    public static IReadOnlyList<IReadOnlyList<ChatButton>>? Under(long messageId, DraftOptions options) =>
        options.Enabled ? [[new ChatButton(Label, Prefix + messageId.ToString(CultureInfo.InvariantCulture))]] : null;

    /// <summary>The order card's buttons, with a draft row when drafts are on.</summary>
    public static IReadOnlyList<IReadOnlyList<ChatButton>> WithCard(IReadOnlyList<IReadOnlyList<ChatButton>> card, DraftOptions options) =>
        options.Enabled ? [.. card, [new ChatButton(Label + " a reply", Latest)]] : card;

    /// <summary>The message the button was pressed under (null: the latest); false when the data is not a draft press.</summary>
    public static bool TryParse(string data, out long? upTo)
    {
        upTo = null;
        if (data == Latest)
        {
            return true;
        }

        if (data.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(data.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            upTo = id;
            return true;
        }

        return false;
    }
}
