using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

internal sealed class FakeChat(long id, string type)
{
    public long Id { get; } = id;

    /// <summary>"private" or "supergroup".</summary>
    public string Type { get; } = type;

    public string? Title { get; init; }

    public string? FirstName { get; init; }

    public bool IsForum { get; init; }

    public bool BotIsAdmin { get; init; }

    public bool CanManageTopics { get; init; }

    public bool IsPrivate => Type == "private";

    /// <summary>The user of this private chat blocked the bot (see <see cref="BlockedChats"/>).</summary>
    public bool BotBlocked { get; set; }

    /// <summary>The emoji the chat's admins allow as reactions (getChat's available_reactions); null when all are allowed.</summary>
    public IReadOnlyList<string>? AvailableReactions { get; set; }

    public Dictionary<int, StoredMessage> Messages { get; } = [];

    public Dictionary<int, FakeTopic> Topics { get; } = [];

    /// <summary>Every message the bot sent, in order, kept even after its topic is deleted.</summary>
    public List<StoredMessage> Sent { get; } = [];

    private int _lastMessageId;

    public int NextMessageId() => ++_lastMessageId;

    public ChatJson ToJson() => new(Id, Type, Title, FirstName, IsForum ? true : null);
}
