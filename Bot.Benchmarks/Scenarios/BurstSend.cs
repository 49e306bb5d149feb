using Bot.Core.Conversations;
namespace Bot.Benchmarks.Scenarios;

/// <summary>One message of the burst: into a staff topic (by conversation index) or a private chat.</summary>
public sealed record BurstSend(long ChatId, int? Conversation, string Text);
