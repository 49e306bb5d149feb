using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Formatting;
using Bot.Core.Messages;
using Bot.Core.Translation;

namespace Bot.Core.Staff;

/// <summary>How conversations and messages look in the staff topic.</summary>
public static class StaffFormatter
{
    // Room for the header line within Telegram's limit; text beyond this is split into more messages.
    private const int ChunkLength = ChatLimits.MaxTextLength - 200;

    // A Telegram name is at most 64 characters each for first and last name; longer is cut on the card.
    private const int MaxClaimantLength = 130;

    // What the marketplace says of the buyer, the order and the product is cut on the card's head, so that the head
    // leaves room for the order's facts within one Telegram message however long a marketplace's field is.
    private const int MaxNameLength = 130;
    private const int MaxIdLength = 100;
    private const int MaxProductLength = 200;

    /// <summary>Under the order card: invite the buyer to continue in Telegram (only where the marketplace allows it),
    /// take the conversation (or give it back once someone has it) and export the transcript.</summary>
    public static IReadOnlyList<IReadOnlyList<ChatButton>> CardButtons(bool invitesAllowed, bool claimed = false)
    {
        var claim = claimed ? new ChatButton("👐 Release", "unclaim") : new ChatButton("🙋 Take", "claim");
        IReadOnlyList<ChatButton> second = [claim, new ChatButton("📄 Export the transcript", "export")];
        return invitesAllowed ? [[new ChatButton("✉️ Invite the buyer to Telegram", "invite")], second] : [second];
    }

    /// <param name="claimant">Who has the conversation (shown as "Taken by"), or null.</param>
    public static string OrderCard(Conversation conversation, string? claimant = null)
    {
        var card = conversation.Card;
        var lines = new List<string>
        {
            conversation.Kind == ConversationKind.Order
                ? $"🧾 <b>Order {Cut(card?.OrderId ?? conversation.ExternalId, MaxIdLength)}</b>"
                : "💬 <b>Pre-order chat</b>",
            $"Buyer: <b>{Cut(conversation.BuyerName ?? conversation.BuyerId, MaxNameLength)}</b> ({Cut(conversation.BuyerId, MaxIdLength)})",
            $"Marketplace: {Cut(conversation.Marketplace, MaxIdLength)} · {(conversation.Kind == ConversationKind.Order ? "about an order" : "before an order")}",
        };
        if (claimant is not null)
        {
            lines.Insert(1, $"🙋 Taken by <b>{Cut(claimant.ReplaceLineEndings(" ").Trim(), MaxClaimantLength)}</b>");
        }

        if (card?.ProductName is { } product)
        {
            lines.Add($"Product: {Html.Link(card.ProductUrl, TextElements.Truncate(product, MaxProductLength))}");
        }

        var links = new List<string>();
        if (card?.OrderUrl is { } orderUrl)
        {
            links.Add(Html.Link(orderUrl, "Open the order"));
        }

        if (card?.ProductName is null && card?.ProductUrl is { } productUrl)
        {
            links.Add(Html.Link(productUrl, "Product page"));
        }

        if (links.Count > 0)
        {
            lines.Add(string.Join(" · ", links));
        }

        lines.Add("<i>Reply in this topic to answer the buyer. /templates for ready answers, /lang to set the buyer's language, /export for the transcript.</i>");
        return string.Join('\n', lines);
    }

    /// <summary>A field on the card (the marketplace's, or the claimant's name): cut to <paramref name="maxLength"/>, then escaped.</summary>
    private static string Cut(string text, int maxLength) => Html.Escape(TextElements.Truncate(text, maxLength));

    /// <summary>The card's Telegram message: the card (with <paramref name="factsHtml"/>, what the marketplace said about
    /// the order, beneath its head), and under it the conversation's first messages when they travel with it. An edit of
    /// the card renders this again with the stored tail, so the messages stay.</summary>
    public static string CardMessage(Conversation conversation, string? tailHtml, string? claimant = null, string? factsHtml = null)
    {
        var card = factsHtml is null ? OrderCard(conversation, claimant) : $"{OrderCard(conversation, claimant)}\n\n{factsHtml}";
        return tailHtml is null ? card : $"{card}\n\n{tailHtml}";
    }

    /// <summary>The messages (HTML) that show one stored message in the staff topic: the translation first, the
    /// original in an expandable blockquote, split to fit Telegram's limit.</summary>
    /// <param name="showTime">Show when the message was written (for messages merged into one Telegram message, whose
    /// own time is that of the send).</param>
    public static IReadOnlyList<string> Post(StoredMessage message, Conversation conversation, TranslationResult translation, bool showTime = false)
    {
        var header = message.Role switch
        {
            AuthorRole.Buyer when message.Origin == MessageOrigin.Telegram => $"👤 <b>{Html.Escape(conversation.BuyerName ?? message.AuthorName ?? conversation.BuyerId)}</b> <i>via Telegram</i>",
            AuthorRole.Buyer => $"👤 <b>{Html.Escape(message.AuthorName ?? conversation.BuyerName ?? conversation.BuyerId)}</b>",
            AuthorRole.Seller => "🏪 <b>Seller center</b> <i>(written on the marketplace, not here)</i>",
            _ => $"🧑‍💼 <b>{Html.Escape(message.AuthorName ?? "Staff")}</b>",
        };
        if (showTime)
        {
            header += $" · <i>{message.CreatedAt.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC</i>";
        }

        var headerPlain = HtmlSplitter.PlainLength(header);
        var tag = LanguageTag(translation);
        var blocks = new List<HtmlBlock> { HtmlBlock.Raw(tag is null ? header : $"{header} <i>{Html.Escape(tag)}</i>", headerPlain + (tag is null ? 0 : tag.Length + 1)) };

        if (translation.IsTranslated)
        {
            blocks.AddRange(TextSplitter.Split(translation.Text, ChunkLength).Select(HtmlBlock.Text));
            blocks.AddRange(TextSplitter.Split(translation.Original, ChunkLength).Select(chunk => HtmlBlock.Wrapped("<blockquote expandable>", "</blockquote>", chunk)));
        }
        else if (translation.Original.Length > 0)
        {
            blocks.AddRange(TextSplitter.Split(translation.Original, ChunkLength).Select(HtmlBlock.Text));
        }

        if (translation.Status == TranslationStatus.Failed)
        {
            blocks.Add(HtmlBlock.Wrapped("<i>", "</i>", "⚠️ translation unavailable"));
        }

        return HtmlBlock.Pack(blocks, ChatLimits.MaxTextLength);
    }

    /// <summary>"ru → en" for a translation, "ru" when only the language is known.</summary>
    public static string? LanguageTag(TranslationResult translation) => translation switch
    {
        { IsTranslated: true, SourceLanguage: { } source } => $"{source} → {translation.TargetLanguage}",
        { SourceLanguage: { } source } => source,
        _ => null,
    };
}
