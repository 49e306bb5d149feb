using Bot.Core.Messages;
namespace Bot.Testing.BotApi.Methods;

internal sealed class SendMessageMethod(FakeTelegramState state)
{
    public void Register(BotApiRoutes routes) => routes.Add("sendMessage", Send);

    private object Send(BotApiRequest request)
    {
        var chat = state.RequireChat(request);
        var visible = FormattedText.MessageText(request, state.Options);
        var target = MessageTarget.Resolve(chat, request);
        var markup = ReplyMarkups.Read(request);
        state.Throttle(request.Method, chat);

        var message = new StoredMessage
        {
            ChatId = chat.Id,
            MessageId = chat.NextMessageId(),
            From = state.Bot,
            Date = state.Now,
            ThreadId = target.ThreadId,
            ReplyToMessageId = target.ReplyToMessageId,
            Quote = target.Quote,
            Text = request.String("text"),
            ParseMode = request.String("parse_mode"),
            VisibleText = visible,
            ReplyMarkup = markup,
        };
        chat.Messages[message.MessageId] = message;
        chat.Sent.Add(message);
        return MessageRenderer.Render(chat, message);
    }
}
