using Bot.Core.Chat;

namespace Bot.Core.Buyers;

/// <summary>The quick-question buttons, labelled in the buyer's language, two per row.</summary>
public static class QuickReplyKeyboard
{
    public static async Task<IReadOnlyList<IReadOnlyList<ChatButton>>> BuildAsync(BuyerTexts texts, string? language, CancellationToken cancellationToken)
    {
        var buttons = new List<ChatButton>();
        foreach (var (key, label, _) in QuickReplies.All)
        {
            buttons.Add(new ChatButton(await texts.InAsync(language, label, cancellationToken), QuickReplies.CallbackPrefix + key));
        }

        return buttons.Chunk(2).Select(row => (IReadOnlyList<ChatButton>)row).ToList();
    }
}
