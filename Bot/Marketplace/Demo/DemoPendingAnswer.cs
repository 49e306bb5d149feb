namespace Bot.Marketplace.Demo;

/// <summary>A buyer who owes staff an answer.</summary>
/// <param name="Due">When the buyer answers.</param>
/// <param name="Given">Set once the answer was handed out: the count of answers the stored cursor must reach before
/// this is settled (until then a fetch hands out the same answer again, with the same id).</param>
internal sealed record DemoPendingAnswer(DateTimeOffset Due, int? Given = null);
