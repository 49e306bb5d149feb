using Bot.Core.Conversations;
namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>What arrived of a stream of expected messages: lost, sent more than once, and out of order within a
/// conversation (the sequence of first arrivals per conversation must follow the original order).</summary>
public sealed record DeliveryTally(int Expected, int Distinct, int Lost, int Duplicates, int OrderViolations)
{
    /// <param name="expected">Every message's token with its conversation, in the order the messages were written.</param>
    /// <param name="observed">Tokens as the receiving side got them, in arrival order (unknown tokens are ignored).</param>
    public static DeliveryTally Count(IReadOnlyList<(string Conversation, string Token)> expected, IEnumerable<string> observed)
    {
        var index = new Dictionary<string, (string Conversation, int Position)>();
        for (var i = 0; i < expected.Count; i++)
        {
            index[expected[i].Token] = (expected[i].Conversation, i);
        }

        var seen = new HashSet<string>();
        var lastPosition = new Dictionary<string, int>();
        var duplicates = 0;
        var violations = 0;
        foreach (var token in observed)
        {
            if (!index.TryGetValue(token, out var at))
            {
                continue;
            }

            if (!seen.Add(token))
            {
                duplicates++;
                continue;
            }

            if (lastPosition.TryGetValue(at.Conversation, out var last) && at.Position < last)
            {
                violations++;
            }

            lastPosition[at.Conversation] = Math.Max(last, at.Position);
        }

        return new DeliveryTally(expected.Count, seen.Count, expected.Count - seen.Count, duplicates, violations);
    }

    public bool AllArrived => Lost == 0;
}
