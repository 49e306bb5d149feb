using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi.Methods;

/// <summary>createForumTopic, editForumTopic, closeForumTopic, reopenForumTopic and deleteForumTopic.</summary>
internal sealed class TopicMethods(FakeTelegramState state)
{
    private const int MaxNameLength = 128;
    private static readonly int[] IconColors = [7322096, 16766590, 13338331, 9367192, 16749490, 16478047];

    public void Register(BotApiRoutes routes)
    {
        routes.Add("createForumTopic", Create);
        routes.Add("editForumTopic", Edit);
        routes.Add("closeForumTopic", request => SetClosed(request, closed: true));
        routes.Add("reopenForumTopic", request => SetClosed(request, closed: false));
        routes.Add("deleteForumTopic", Delete);
    }

    private object Create(BotApiRequest request)
    {
        var chat = RequireForum(request, "create");
        var name = ValidName(request.String("name"));
        var color = request.Int("icon_color") ?? IconColors[0];
        if (!IconColors.Contains(color))
        {
            throw BotApiException.BadRequest("TOPIC_ICON_COLOR_INVALID");
        }

        state.Throttle(request.Method, chat);

        // A topic's thread id is the id of its "forum_topic_created" service message.
        var threadId = chat.NextMessageId();
        var topic = new FakeTopic(threadId, name, color) { IconCustomEmojiId = request.String("icon_custom_emoji_id") };
        chat.Topics[threadId] = topic;
        chat.Messages[threadId] = new StoredMessage
        {
            ChatId = chat.Id,
            MessageId = threadId,
            From = state.Bot,
            Date = state.Now,
            ThreadId = threadId,
            TopicCreated = new ForumTopicCreatedJson(name, color),
        };
        return new ForumTopicJson(threadId, name, color, topic.IconCustomEmojiId);
    }

    private object Edit(BotApiRequest request)
    {
        var topic = RequireTopic(RequireForum(request, "edit"), request);
        var name = request.String("name") is string newName ? ValidName(newName) : topic.Name;
        var emoji = request.String("icon_custom_emoji_id") ?? topic.IconCustomEmojiId;
        if (name == topic.Name && emoji == topic.IconCustomEmojiId)
        {
            throw BotApiException.BadRequest("TOPIC_NOT_MODIFIED");
        }

        topic.Name = name;
        topic.IconCustomEmojiId = emoji;
        return true;
    }

    private bool SetClosed(BotApiRequest request, bool closed)
    {
        var topic = RequireTopic(RequireForum(request, "edit"), request);
        if (topic.IsClosed == closed)
        {
            throw BotApiException.BadRequest("TOPIC_NOT_MODIFIED");
        }

        topic.IsClosed = closed;
        return true;
    }

    private object Delete(BotApiRequest request)
    {
        var chat = RequireForum(request, "delete");
        var topic = RequireTopic(chat, request);
        topic.IsDeleted = true;
        foreach (var id in chat.Messages.Where(m => m.Value.ThreadId == topic.ThreadId).Select(m => m.Key).ToList())
        {
            chat.Messages.Remove(id);
        }

        return true;
    }

    private FakeChat RequireForum(BotApiRequest request, string action)
    {
        var chat = state.RequireChat(request);
        if (chat.Type == "private" && chat.IsForum)
        {
            return chat; // A bot with topic mode manages the topics of its own private chats.
        }

        if (chat.Type != "supergroup" || !chat.IsForum)
        {
            throw BotApiException.BadRequest("the chat is not a forum");
        }

        return chat.BotIsAdmin && chat.CanManageTopics
            ? chat
            : throw BotApiException.BadRequest($"not enough rights to {action} a topic");
    }

    private static FakeTopic RequireTopic(FakeChat chat, BotApiRequest request)
    {
        var threadId = request.Int("message_thread_id") ?? throw BotApiException.BadRequest("message thread not found");
        return chat.Topics.TryGetValue(threadId, out var topic) && !topic.IsDeleted
            ? topic
            : throw BotApiException.BadRequest("message thread not found");
    }

    private static string ValidName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw BotApiException.BadRequest("TOPIC_TITLE_EMPTY");
        }

        return name.Length > MaxNameLength ? throw BotApiException.BadRequest("TOPIC_TITLE_TOO_LONG") : name;
    }
}
