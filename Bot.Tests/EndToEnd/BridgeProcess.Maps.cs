namespace Bot.Tests.EndToEnd;

public sealed partial class BridgeProcess
{
    /// <summary>Starts the bridge on a new SQLite file, waits until its host has started,
    /// and returns what the process then has mapped (<c>/proc/&lt;pid&gt;/maps</c>): how tests see which assemblies and
    /// native libraries a start loads. The bridge is stopped before this returns.</summary>
    public static async Task<string> MapsAfterStartAsync(string directoryPrefix)
    {
        var settings = QuietSettings(Path.Combine(Directory.CreateTempSubdirectory(directoryPrefix).FullName, "bridge.db"));
        settings["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        await using var bridge = Start(settings);
        await bridge.WaitForOutputAsync(l => l.Any(x => x.Contains("Application started", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        Assert.False(bridge.HasExited, bridge.Output);
        return await File.ReadAllTextAsync($"/proc/{bridge.Id}/maps");
    }
}
