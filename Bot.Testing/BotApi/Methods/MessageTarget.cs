using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi.Methods;

/// <summary>Where a new message goes: its topic (message_thread_id), the message it replies to and the part of that
/// message it quotes (reply_parameters.quote, which must be text of the replied message: else "QUOTE_TEXT_INVALID").</summary>
internal readonly record struct MessageTarget(int? ThreadId, int? ReplyToMessageId, TextQuoteJson? Quote = null)
{
    public static MessageTarget Resolve(FakeChat chat, BotApiRequest request)
    {
        var thread = request.Int("message_thread_id") is int t && t != 0 ? t : (int?)null;
        var replyParameters = request.Json("reply_parameters");
        var replyTo = replyParameters?["message_id"]?.GetValue<int>() ?? request.Int("reply_to_message_id");
        var allowWithoutReply = replyParameters?["allow_sending_without_reply"]?.GetValue<bool>() == true
            || request.Bool("allow_sending_without_reply");

        TextQuoteJson? quote = null;
        if (replyTo is int replyId)
        {
            if (chat.Messages.TryGetValue(replyId, out var target))
            {
                // A reply lands in the topic of the message it answers.
                thread ??= target.ThreadId;
                quote = QuoteOf(replyParameters, target);
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

        return new MessageTarget(thread, replyTo, quote);
    }

    private static TextQuoteJson? QuoteOf(System.Text.Json.Nodes.JsonNode? replyParameters, StoredMessage target)
    {
        if (replyParameters?["quote"]?.GetValue<string>() is not { } text)
        {
            return null;
        }

        var visible = target.VisibleText ?? "";
        var position = replyParameters["quote_position"]?.GetValue<int>() is int given && given >= 0 && given <= visible.Length
            && string.CompareOrdinal(visible, given, text, 0, text.Length) == 0
            ? given
            : visible.IndexOf(text, StringComparison.Ordinal);
        return text.Length == 0 || position < 0 ? throw BotApiException.BadRequest("QUOTE_TEXT_INVALID") : new TextQuoteJson(text, position, true);
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
