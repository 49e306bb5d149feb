using System.Text.Json.Nodes;

namespace Bot.Testing.BotApi.Json;

internal sealed record MessageJson(int MessageId, long Date, ChatJson Chat)
{
    public int? MessageThreadId { get; init; }
    public UserJson? From { get; init; }
    public ChatJson? SenderChat { get; init; }
    public string? AuthorSignature { get; init; }
    public bool? IsTopicMessage { get; init; }
    public MessageJson? ReplyToMessage { get; init; }
    public TextQuoteJson? Quote { get; init; }
    public long? EditDate { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<MessageEntityJson>? Entities { get; init; }
    public string? Caption { get; init; }
    public IReadOnlyList<MessageEntityJson>? CaptionEntities { get; init; }
    public IReadOnlyList<PhotoSizeJson>? Photo { get; init; }
    public StickerJson? Sticker { get; init; }
    public DocumentJson? Document { get; init; }
    public ForumTopicCreatedJson? ForumTopicCreated { get; init; }
    public JsonNode? ReplyMarkup { get; init; }
}
