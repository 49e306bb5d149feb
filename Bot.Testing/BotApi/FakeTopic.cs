namespace Bot.Testing.BotApi;

internal sealed class FakeTopic(int threadId, string name, int iconColor)
{
    public int ThreadId { get; } = threadId;

    public string Name { get; set; } = name;

    public int IconColor { get; } = iconColor;

    public string? IconCustomEmojiId { get; set; }

    public bool IsClosed { get; set; }

    public bool IsDeleted { get; set; }

    public TopicInfo ToInfo() => new(ThreadId, Name, IconColor, IconCustomEmojiId, IsClosed, IsDeleted);
}
