namespace Bot.Tests.EndToEnd.FaultMatrix;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DeliveryTallyTests
{
    private static readonly (string, string)[] Written = [("A", "a1"), ("B", "b1"), ("A", "a2"), ("B", "b2"), ("A", "a3")];

    [Fact]
    public void Tally_CountsMissingAsLost_RepeatsAsDuplicates_AndIgnoresStrangers()
    {
        var tally = DeliveryTally.Count(Written, ["b1", "a1", "a1", "x9", "a2", "b1", "b1"]);

        Assert.Equal((5, 3, 2, 3, 0), (tally.Expected, tally.Distinct, tally.Lost, tally.Duplicates, tally.OrderViolations));
        Assert.False(tally.AllArrived);
    }

    [Fact]
    public void Tally_CountsAnOvertakingMessageWithinAConversation_NotAcrossConversations()
    {
        var tally = DeliveryTally.Count(Written, ["b2", "a1", "a3", "b1", "a2", "a2"]);

        // b1 after b2 and a2 after a3 are out of order; a1 arriving after b2 is not (other conversation); the repeat
        // of a2 is a duplicate, not another violation.
        Assert.Equal((0, 1, 2), (tally.Lost, tally.Duplicates, tally.OrderViolations));
    }
}
