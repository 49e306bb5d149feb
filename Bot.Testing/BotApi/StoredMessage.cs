using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>A message in a fake chat, sent by the bot or enqueued by the test.</summary>
internal sealed class StoredMessage
{
    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public required UserJson From { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary>Set when sent on behalf of a chat: the group itself for its anonymous admins.</summary>
    public ChatJson? SenderChat { get; init; }

    public string? AuthorSignature { get; init; }

    public int? ThreadId { get; init; }

    public int? ReplyToMessageId { get; init; }

    /// <summary>The part of the replied message this reply quotes.</summary>
    public TextQuoteJson? Quote { get; init; }

    /// <summary>The text exactly as received (HTML when <see cref="ParseMode"/> is HTML).</summary>
    public string? Text { get; set; }

    public string? Caption { get; set; }

    public string? ParseMode { get; set; }

    /// <summary>Text or caption as users see it: tags stripped, entities decoded.</summary>
    public string? VisibleText { get; set; }

    public IReadOnlyList<PhotoSizeJson>? Photo { get; init; }

    public byte[]? PhotoBytes { get; init; }

    public StickerJson? Sticker { get; init; }

    public DocumentJson? Document { get; init; }

    public byte[]? DocumentBytes { get; init; }

    public ForumTopicCreatedJson? TopicCreated { get; init; }

    public JsonNode? ReplyMarkup { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public List<string> Reactions { get; } = [];

    public SentMessage ToSentMessage() => new(
        ChatId,
        MessageId,
        ThreadId,
        Text,
        Caption,
        ParseMode,
        VisibleText,
        ReplyToMessageId,
        ReplyMarkup?.ToJsonString(),
        SentButton.FromMarkup(ReplyMarkup),
        PhotoBytes,
        Date,
        EditedAt)
    {
        Document = DocumentBytes,
        DocumentName = Document?.FileName,
    };
}
