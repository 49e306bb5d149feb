using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi.Methods;

/// <summary>sendPhoto with a multipart upload, a known file_id or a URL.</summary>
internal sealed class SendPhotoMethod(FakeTelegramState state)
{
    private const long MaxUploadBytes = 10 * 1024 * 1024;

    public void Register(BotApiRoutes routes) => routes.Add("sendPhoto", Send);

    private object Send(BotApiRequest request)
    {
        var chat = state.RequireChat(request);
        var photo = ResolvePhoto(request);
        var caption = FormattedText.Caption(request, state.Options);
        var target = MessageTarget.Resolve(chat, request);
        var markup = ReplyMarkups.Read(request);
        state.Throttle(request.Method, chat);

        var thumbnail = state.Files.Add(photo.Bytes, "thumbnails", "jpg");
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
            Photo = [Size(thumbnail, 90, 68), Size(photo, 1280, 960)],
            PhotoBytes = photo.Bytes,
            ReplyMarkup = markup,
        };
        chat.Messages[message.MessageId] = message;
        chat.Sent.Add(message);
        return MessageRenderer.Render(chat, message);
    }

    private StoredFile ResolvePhoto(BotApiRequest request)
    {
        if (request.File("photo") is UploadedFile upload)
        {
            if (upload.Bytes.Length == 0)
            {
                throw BotApiException.BadRequest("file must be non-empty");
            }

            if (upload.Bytes.Length > MaxUploadBytes)
            {
                throw new BotApiException(413, "Request Entity Too Large");
            }

            // Telegram decodes uploaded photos; bytes that are no image it knows are refused.
            return ImageSignatures.IsImage(upload.Bytes)
                ? state.Files.Add(upload.Bytes, "photos", "jpg")
                : throw BotApiException.BadRequest("IMAGE_PROCESS_FAILED");
        }

        var reference = request.String("photo");
        if (string.IsNullOrEmpty(reference))
        {
            throw BotApiException.BadRequest("there is no photo in the request");
        }

        if (state.Files.Find(reference) is StoredFile known)
        {
            return known;
        }

        // No internet in tests: a URL becomes an empty placeholder file that remembers where it came from.
        return Uri.TryCreate(reference, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? state.Files.Add([], "photos", "jpg", reference)
            : throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
    }

    private static PhotoSizeJson Size(StoredFile file, int width, int height) =>
        new(file.FileId, file.FileUniqueId, width, height, file.Bytes.Length);
}
