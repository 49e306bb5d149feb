namespace Bot.Testing.BotApi;

public sealed partial class FakeTelegramServer
{
    /// <summary>The chat's admins narrow the reactions to these emoji (getChat then lists them as available_reactions;
    /// setMessageReaction refuses others with REACTION_INVALID). No emoji: no reactions at all. Null: all allowed again.</summary>
    public void SetAvailableReactions(long chatId, params string[]? emoji)
    {
        lock (_state.Gate)
        {
            _state.RequireChat(chatId).AvailableReactions = emoji?.ToList();
        }
    }
}
