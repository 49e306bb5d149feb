namespace Bot.Core.Operations;

/// <summary>Who runs the bridge (read from section "Telegram": <c>OperatorChatId</c>, <c>OperatorIds</c>).</summary>
public sealed class OperatorOptions
{
    /// <summary>The chat that receives alerts and takes operator commands; null when alerts are only logged.</summary>
    public long? OperatorChatId { get; set; }

    /// <summary>Telegram user ids allowed to run operator commands.</summary>
    public IReadOnlyList<long> OperatorIds { get; set; } = [];

    /// <summary>Set when <c>Telegram:OperatorIds</c> held something that is not a user id; reported by validation.</summary>
    public string? InvalidOperatorId { get; set; }

    public bool IsOperator(long userId) => OperatorIds.Contains(userId);
}
