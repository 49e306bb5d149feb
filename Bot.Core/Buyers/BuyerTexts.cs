using Bot.Core.Translation;

namespace Bot.Core.Buyers;

/// <summary>What the bot says to buyers, written once in English and translated into the buyer's language
/// (the translation cache makes repeats free). A failed translation falls back to English.</summary>
public sealed class BuyerTexts(ITranslationService translator)
{
    public const string NotLinked = "Hello! This bot relays your conversation with a store on the marketplace. To start, open the invitation link the store posted in your order chat.";
    public const string UnknownCode = "This invitation link is not valid. Please use the latest link from your order chat, or ask the store for a new one.";
    public const string UsedCode = "This invitation link has already been used. Ask the store for a new one if you need it.";
    public const string ExpiredCode = "This invitation link has expired. Please ask the store for a new one in your order chat.";
    public const string Unlinked = "Done: this chat is no longer connected to the store. Your order chat on the marketplace still works.";
    public const string Help = "Write here and your message goes to the store and into your order chat on the marketplace. Reply to a message to answer about that order. /orders lists your orders, /lang es changes the language, /unlink disconnects this chat.";
    public const string TooFast = "You are sending messages very quickly. Please wait a minute before writing again.";
    public const string OnlyText = "Only text messages can be passed on to the store.";
    public const string NoOrders = "You have no conversations with the store yet.";
    public const string LanguageHelp = "Send /lang followed by a two-letter language code, for example /lang es, to choose the language of the store's answers.";
    public const string LanguageSet = "Done: the store's answers will reach you in this language.";
    public const string WhichOrder = "Which order is this message about?";
    public const string RevokedCode = "This invitation link was withdrawn by the store. Ask the store for a new one if you need it.";
    public const string NotLinkable = "This invitation cannot be used: the marketplace did not tell us which buyer this order belongs to. Please keep writing in your order chat on the marketplace.";
    public const string UnlinkedByStore = "The store disconnected this chat. Your order chat on the marketplace still works; ask the store for a new invitation if you want to continue here.";
    public const string Replaced = "This chat is no longer connected to the store: your buyer account was linked to another Telegram account. If that was not you, ask the store for a new invitation in your order chat.";

    public static string Welcome(string store, string order) =>
        $"You are now connected with {store} about {order}. Write here and the store will answer you here; everything is also kept in your order chat on the marketplace. You can also tap a quick question below.";

    public static string Orders(IEnumerable<string> orders) => "Your conversations with the store: " + string.Join(", ", orders) + ".";

    /// <summary>A reply to a buyer in their language, translated when it is delivered (never inside a transaction).</summary>
    public static Feedback.NoticePayload Notice(long chatId, int? replyTo, string english, string? language, IReadOnlyList<IReadOnlyList<Chat.ChatButton>>? buttons = null) =>
        language is null || language == "en"
            ? new(chatId, null, Bot.Core.Formatting.Html.Escape(english), replyTo, null, buttons)
            : new(chatId, null, english, replyTo, null, buttons, language);

    public async Task<string> InAsync(string? language, string english, CancellationToken cancellationToken)
    {
        if (language is null || language == "en")
        {
            return english;
        }

        var result = await translator.TranslateAsync(english, "en", language, cancellationToken);
        return result.Text;
    }
}
