namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>One line of the fault matrix: "row | lost | duplicates | recovered without operator".</summary>
public sealed record MatrixRow(string Row, int Lost, int Duplicates, bool RecoveredWithoutOperator, int OrderViolations)
{
    public override string ToString() => $"{Row} | {Lost} | {Duplicates} | {(RecoveredWithoutOperator ? "yes" : "no")}";
}
