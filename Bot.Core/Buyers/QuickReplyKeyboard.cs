using Bot.Core.Chat;

namespace Bot.Core.Buyers;

/// <summary>The quick-question buttons, two per row; labelled in English here and translated with the notice that
/// carries them.</summary>
public static class QuickReplyKeyboard
{
    public static IReadOnlyList<IReadOnlyList<ChatButton>> Build() =>
        QuickReplies.All.Select(q => new ChatButton(q.Label, QuickReplies.CallbackPrefix + q.Key, Translatable: true))
            .Chunk(2).Select(row => (IReadOnlyList<ChatButton>)row).ToList();
}
