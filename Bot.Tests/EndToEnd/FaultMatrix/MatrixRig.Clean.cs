using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>The row most faults must end with.</summary>
public sealed partial class MatrixRig
{
    /// <summary>Finishes the row and holds it to the matrix's promise: nothing lost, nothing twice, and recovered
    /// without an operator.</summary>
    public async Task FinishCleanAsync(string row, ITestOutputHelper output)
    {
        var result = await FinishAsync(row, output);
        Assert.Equal((0, 0, true), (result.Lost, result.Duplicates, result.RecoveredWithoutOperator));
    }
}
