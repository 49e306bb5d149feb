namespace Bot.Core.Staff;

/// <summary>A staff topic's title, and who has its conversation (shown on the card; null: nobody).</summary>
public sealed record TopicMarks(string Title, string? Claimant);
