namespace Bot.Testing.BotApi.Methods;

/// <summary>Where a new message goes: its topic (message_thread_id) and the message it replies to.</summary>
internal readonly record struct MessageTarget(int? ThreadId, int? ReplyToMessageId)
{
    public static MessageTarget Resolve(FakeChat chat, BotApiRequest request)
    {
        var thread = request.Int("message_thread_id") is int t && t != 0 ? t : (int?)null;
        var replyParameters = request.Json("reply_parameters");
        var replyTo = replyParameters?["message_id"]?.GetValue<int>() ?? request.Int("reply_to_message_id");
        var allowWithoutReply = replyParameters?["allow_sending_without_reply"]?.GetValue<bool>() == true
            || request.Bool("allow_sending_without_reply");

        if (replyTo is int replyId)
        {
            if (chat.Messages.TryGetValue(replyId, out var target))
            {
                // A reply lands in the topic of the message it answers.
                thread ??= target.ThreadId;
            }
            else if (allowWithoutReply)
            {
                replyTo = null;
            }
            else
            {
                throw BotApiException.BadRequest("message to be replied not found");
            }
        }

        if (thread is int threadId)
        {
            EnsureWritable(chat, threadId);
        }

        return new MessageTarget(thread, replyTo);
    }

    public static FakeTopic EnsureWritable(FakeChat chat, int threadId)
    {
        if (!chat.Topics.TryGetValue(threadId, out var topic) || topic.IsDeleted)
        {
            throw BotApiException.BadRequest("message thread not found");
        }

        return topic.IsClosed ? throw BotApiException.BadRequest("TOPIC_CLOSED") : topic;
    }
}
