using Bot.Core.Messages;
namespace Bot.Testing.BotApi.Methods;

/// <summary>editMessageText and editMessageReplyMarkup for messages the bot sent (no inline messages).</summary>
internal sealed class EditMethods(FakeTelegramState state)
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    public void Register(BotApiRoutes routes)
    {
        routes.Add("editMessageText", EditText);
        routes.Add("editMessageReplyMarkup", EditMarkup);
    }

    private object EditText(BotApiRequest request)
    {
        var (chat, message) = Find(request);
        if (message.Text is null)
        {
            throw BotApiException.BadRequest("there is no text in the message to edit");
        }

        var visible = FormattedText.MessageText(request, state.Options);
        var markup = ReplyMarkups.Read(request);
        if (visible == message.VisibleText && markup?.ToJsonString() == message.ReplyMarkup?.ToJsonString())
        {
            throw BotApiException.BadRequest(NotModified);
        }

        message.Text = request.String("text");
        message.ParseMode = request.String("parse_mode");
        message.VisibleText = visible;
        message.ReplyMarkup = markup;
        message.EditedAt = state.Now;
        return MessageRenderer.Render(chat, message);
    }

    private object EditMarkup(BotApiRequest request)
    {
        var (chat, message) = Find(request);
        var markup = ReplyMarkups.Read(request);
        if (markup?.ToJsonString() == message.ReplyMarkup?.ToJsonString())
        {
            throw BotApiException.BadRequest(NotModified);
        }

        message.ReplyMarkup = markup;
        message.EditedAt = state.Now;
        return MessageRenderer.Render(chat, message);
    }

    private (FakeChat Chat, StoredMessage Message) Find(BotApiRequest request)
    {
        if (request.Has("inline_message_id"))
        {
            throw BotApiException.BadRequest("inline messages are not supported by the fake");
        }

        var chat = state.RequireChat(request);
        var messageId = request.Int("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        if (!chat.Messages.TryGetValue(messageId, out var message))
        {
            throw BotApiException.BadRequest("message to edit not found");
        }

        return message.From.Id == state.Bot.Id ? (chat, message) : throw BotApiException.BadRequest("message can't be edited");
    }
}
