namespace Bot.Core.Translation.Providers;

/// <summary>The first choice of a chat completion: its text, the model's refusal (OpenAI's <c>refusal</c> field) and
/// why it stopped (<c>stop</c>, <c>length</c>, <c>content_filter</c>...).</summary>
internal sealed record ChatCompletion(string? Content, string? Refusal, string? FinishReason);
