using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi.Methods;

/// <summary>getMe, getChat, getChatMember and the set-up calls bots make at start.</summary>
internal sealed class ChatMethods(FakeTelegramState state)
{
    public void Register(BotApiRoutes routes)
    {
        routes.Add("getMe", _ => state.Bot with
        {
            CanJoinGroups = true, CanReadAllGroupMessages = false, SupportsInlineQueries = false,
            HasTopicsEnabled = state.Options.PrivateChatTopics ? true : null,
        });
        routes.Add("getChat", GetChat);
        routes.Add("getChatMember", GetChatMember);
        routes.Add("deleteWebhook", _ => true);
        routes.Add("setMyCommands", _ => true);
    }

    private object GetChat(BotApiRequest request)
    {
        var chat = state.RequireChat(request);
        var gifts = new AcceptedGiftTypesJson(false, false, false, false);
        var reactions = chat.AvailableReactions?.Select(ReactionTypeJson.Of).ToList();
        return new ChatFullInfoJson(chat.Id, chat.Type, 0, 11, gifts, chat.Title, chat.FirstName, chat.IsForum ? true : null, reactions);
    }

    private object GetChatMember(BotApiRequest request)
    {
        var chat = state.RequireChat(request);
        var userId = request.Long("user_id") ?? throw BotApiException.BadRequest("user_id is empty");
        var user = state.FindUser(userId) ?? throw BotApiException.BadRequest("PARTICIPANT_ID_INVALID");
        return userId == state.Bot.Id && chat.BotIsAdmin && !chat.IsPrivate
            ? ChatMemberJson.Administrator(user, chat.CanManageTopics)
            : ChatMemberJson.Member(user);
    }
}
