namespace Bot.Tests.Operations.Metrics;

/// <summary>A fact that needs <see cref="ExternalTool"/>s: skipped where one is missing, but never under CI=true, where
/// the test runs and fails instead.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => ExternalTool.Find(t) is null).ToList();
        if (missing.Count > 0 && !ExternalTool.UnderCi)
        {
            Skip = $"Needs {string.Join(", ", missing)} (Debian package \"prometheus\"); under CI=true this test fails instead of skipping.";
        }
    }
}
