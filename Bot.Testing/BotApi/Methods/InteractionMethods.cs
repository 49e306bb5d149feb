namespace Bot.Testing.BotApi.Methods;

/// <summary>setMessageReaction and answerCallbackQuery.</summary>
internal sealed class InteractionMethods(FakeTelegramState state)
{
    public void Register(BotApiRoutes routes)
    {
        routes.Add("setMessageReaction", SetReaction);
        routes.Add("answerCallbackQuery", AnswerCallback);
    }

    private object SetReaction(BotApiRequest request)
    {
        var chat = state.RequireChat(request);
        var messageId = request.Int("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        if (!chat.Messages.TryGetValue(messageId, out var message))
        {
            throw BotApiException.BadRequest("message to react not found");
        }

        var emojis = new List<string>();
        foreach (var reaction in request.Json("reaction")?.AsArray() ?? [])
        {
            // Only the Bot API's fixed list, narrowed by the chat's available_reactions (✅ or ⚠️ are refused).
            if (reaction?["type"]?.GetValue<string>() != "emoji" || reaction["emoji"]?.GetValue<string>() is not string emoji
                || !BotApiReactions.Allows(chat, emoji))
            {
                throw BotApiException.BadRequest("REACTION_INVALID");
            }

            emojis.Add(emoji);
        }

        // Bots without premium may set one reaction per message.
        if (emojis.Count > 1)
        {
            throw BotApiException.BadRequest("REACTIONS_TOO_MANY");
        }

        message.Reactions.Clear();
        message.Reactions.AddRange(emojis);
        return true;
    }

    private object AnswerCallback(BotApiRequest request)
    {
        var id = request.String("callback_query_id") ?? string.Empty;
        if (!state.Callbacks.TryGetValue(id, out var previous) || previous is not null)
        {
            throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
        }

        state.Callbacks[id] = new CallbackAnswer(id, request.String("text"), request.Bool("show_alert"), state.Now);
        return true;
    }
}
