using Bot.Core.Chat;
using Bot.Core.Formatting;

namespace Bot.Core.Staff;

/// <summary>Packs posts (each one Telegram message of HTML) into one message within Telegram's limit, in order, with a
/// blank line between them, under the order card when it travels with them.</summary>
public static class PostMerger
{
    private const string Separator = "\n\n";

    /// <returns>How many of the posts, from the first, fit one message (with the card above them when given).</returns>
    public static int Fit(IReadOnlyList<string> posts, string? cardHtml, int maxLength = ChatLimits.MaxTextLength)
    {
        var length = cardHtml is null ? 0 : HtmlSplitter.PlainLength(cardHtml);
        var count = 0;
        foreach (var post in posts)
        {
            length += (length == 0 ? 0 : Separator.Length) + HtmlSplitter.PlainLength(post);
            if (length > maxLength)
            {
                break;
            }

            count++;
        }

        return count;
    }

    public static string Join(IEnumerable<string> posts) => string.Join(Separator, posts);
}
