using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi.Methods;

/// <summary>sendDocument with a multipart upload: Telegram takes up to 50 MB and refuses an empty file.</summary>
internal sealed class SendDocumentMethod(FakeTelegramState state)
{
    private const long MaxUploadBytes = 50 * 1024 * 1024;

    public void Register(BotApiRoutes routes) => routes.Add("sendDocument", Send);

    private object Send(BotApiRequest request)
    {
        var chat = state.RequireChat(request);
        var upload = request.File("document") as UploadedFile ?? throw BotApiException.BadRequest("there is no document in the request");
        if (upload.Bytes.Length == 0)
        {
            throw BotApiException.BadRequest("file must be non-empty");
        }

        if (upload.Bytes.Length > MaxUploadBytes)
        {
            throw new BotApiException(413, "Request Entity Too Large");
        }

        var caption = FormattedText.Caption(request, state.Options);
        var target = MessageTarget.Resolve(chat, request);
        var markup = ReplyMarkups.Read(request);
        state.Throttle(request.Method, chat);

        var file = state.Files.Add(upload.Bytes, "documents", Path.GetExtension(upload.FileName).TrimStart('.'));
        var message = new StoredMessage
        {
            ChatId = chat.Id,
            MessageId = chat.NextMessageId(),
            From = state.Bot,
            Date = state.Now,
            ThreadId = target.ThreadId,
            ReplyToMessageId = target.ReplyToMessageId,
            Caption = request.String("caption"),
            ParseMode = request.String("parse_mode"),
            VisibleText = caption,
            Document = new DocumentJson(file.FileId, file.FileUniqueId, upload.FileName, upload.Bytes.Length),
            DocumentBytes = upload.Bytes,
            ReplyMarkup = markup,
        };
        chat.Messages[message.MessageId] = message;
        chat.Sent.Add(message);
        return MessageRenderer.Render(chat, message);
    }
}
