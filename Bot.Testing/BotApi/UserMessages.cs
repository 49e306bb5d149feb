using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>Builds the messages users send in tests: text, photo with caption, or sticker.</summary>
internal static class UserMessages
{
    public static StoredMessage Create(
        FakeTelegramState state,
        FakeChat chat,
        UserJson user,
        string? text,
        int? threadId,
        int? replyToMessageId,
        string? photoFileId,
        bool sticker,
        TextQuoteJson? quote = null)
    {
        IReadOnlyList<PhotoSizeJson>? photo = null;
        if (photoFileId is not null)
        {
            var file = state.Files.Find(photoFileId)
                ?? throw new ArgumentException($"File {photoFileId} is not registered; use RegisterFile.", nameof(photoFileId));
            photo = [new PhotoSizeJson(file.FileId, file.FileUniqueId, 1280, 960, file.Bytes.Length)];
        }

        StickerJson? stickerJson = null;
        if (sticker)
        {
            var file = state.Files.Add([0x52, 0x49, 0x46, 0x46], "stickers", "webp");
            stickerJson = new StickerJson(file.FileId, file.FileUniqueId, "regular", 512, 512, false, false, "🙂");
        }

        var hasMedia = photo is not null || stickerJson is not null;
        return new StoredMessage
        {
            ChatId = chat.Id,
            MessageId = chat.NextMessageId(),
            From = user,
            Date = state.Now,
            ThreadId = threadId,
            ReplyToMessageId = replyToMessageId,
            Quote = quote,
            Text = hasMedia ? null : text,
            Caption = photo is not null ? text : null,
            VisibleText = text,
            Photo = photo,
            Sticker = stickerJson,
        };
    }
}
