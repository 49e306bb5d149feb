using Bot.Core.Outbox;

namespace Bot.Tests.Architecture;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class ArchitectureTests
{
    private static string CorePath => typeof(OutboxOptions).Assembly.Location;

    private static string HostPath => typeof(Bot.BridgeApp).Assembly.Location;

    [Fact]
    public void Core_DoesNotReference_TelegramOrAspNet()
    {
        var references = typeof(OutboxOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains(references, r => r.StartsWith("Dapper", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Telegram", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CoreFolders_DependOnEachOther_WithoutCycles()
    {
        var folders = NamespaceGraph.Read(CorePath, "Bot.Core.").ByFolder();

        Assert.True(folders.Edges.Count >= 10, $"only {folders.Edges.Count} folders read: the graph is not being built");
        var cycles = folders.DescribeCycles();
        Assert.True(cycles.Count == 0, "Folders that depend on each other:\n" + string.Join("\n", cycles));
    }

    /// <summary>The layers of docs/architecture.md, bottom first: a folder uses only folders before it.</summary>
    [Fact]
    public void CoreFolders_UseOnlyTheLayersBelowThem()
    {
        string[] layers =
        [
            "Runtime", "Formatting", "Logging", "Telemetry", "Storage", "Retention", "Leases", "Chat", "Conversations", "Marketplace", "Messages",
            "Translation", "Outbox", "Feedback", "Routing", "MarketplaceRelay", "Export", "Drafts", "Buyers", "Staff", "Workflow", "OrderCards", "Operations", "Sqlite", "Postgres",
        ];
        var folders = NamespaceGraph.Read(CorePath, "Bot.Core.").ByFolder();
        var rank = layers.Select((name, i) => (name, i)).ToDictionary(x => "Bot.Core." + x.name, x => x.i);

        var unknown = folders.Edges.Keys.Concat(folders.Edges.Values.SelectMany(v => v)).Distinct().Where(f => !rank.ContainsKey(f)).ToList();
        var upward = folders.Edges.SelectMany(e => e.Value.Where(to => rank.ContainsKey(e.Key) && rank.ContainsKey(to) && rank[to] > rank[e.Key])
            .Select(to => $"{e.Key} -> {to} ({folders.Reason(e.Key, to)})")).ToList();

        Assert.True(unknown.Count == 0, "Folders missing from the layers (add them to docs/architecture.md and here): " + string.Join(", ", unknown));
        Assert.True(upward.Count == 0, "Folders using a layer above them:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void HostFolders_DependOnEachOther_WithoutCycles()
    {
        var folders = NamespaceGraph.Read(HostPath, "Bot.").ByFolder();

        Assert.True(folders.Edges.Count >= 4, $"only {folders.Edges.Count} folders read: the graph is not being built");
        var cycles = folders.DescribeCycles();
        Assert.True(cycles.Count == 0, "Folders that depend on each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void NamespaceGraph_SeesUsesInSignaturesAndMethodBodies()
    {
        var graph = NamespaceGraph.Read(CorePath, "Bot.Core.");

        // A constructor parameter (the dispatcher takes the outbox store) and a call inside a method body (the
        // retry policy words its delays with Durations.Format).
        Assert.Contains("Bot.Core.Storage", graph.Edges["Bot.Core.Outbox"]);
        Assert.Contains("Bot.Core.Formatting", graph.Edges["Bot.Core.Outbox"]);
        Assert.Contains("Bot.Core.Staff", graph.Edges["Bot.Core.Staff.Commands"]);
        Assert.Contains("Bot.Core.Staff", graph.ByFolder().Edges.Keys);
        Assert.DoesNotContain("Bot.Core.Staff.Commands", graph.ByFolder().Edges.Keys);
    }

    [Fact]
    public void CycleFinder_ReportsEachCycleOnce_AndNothingForALayeredGraph()
    {
        var cyclic = new Dictionary<string, HashSet<string>>
        {
            ["a"] = ["b"], ["b"] = ["c"], ["c"] = ["a", "d"], ["d"] = ["e"], ["e"] = ["d"], ["f"] = ["a"],
        };
        var layered = new Dictionary<string, HashSet<string>> { ["a"] = ["b", "c"], ["b"] = ["c"], ["c"] = [] };

        Assert.Equal(["a b c", "d e"], Describe(new CycleFinder(cyclic).Find()).Order(StringComparer.Ordinal));
        Assert.Empty(new CycleFinder(layered).Find());
    }

    private static List<string> Describe(IReadOnlyList<IReadOnlyList<string>> cycles) => cycles.Select(c => string.Join(' ', c)).ToList();
}
