namespace Bot.Benchmarks.Infrastructure;

/// <summary>The process's memory as Linux reports it: resident set now (VmRSS) and at its peak (VmHWM), and where
/// the resident set lies: anonymous pages (the managed heap, native allocations, stacks), pages of mapped files
/// (the runtime, assemblies, native libraries) and shared memory (the runtime's double-mapped code).</summary>
public sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes, long ManagedHeapBytes, long AnonymousBytes, long FileBytes, long SharedBytes)
{
    /// <summary>Reads the figures as they are, without collecting first.</summary>
    public static ProcessMemory Now()
    {
        var status = File.ReadAllLines("/proc/self/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return new ProcessMemory(Kb("VmRSS:"), Kb("VmHWM:"), GC.GetTotalMemory(forceFullCollection: false), Kb("RssAnon:"), Kb("RssFile:"), Kb("RssShmem:"));
    }

    /// <summary>Reads the figures after a full, compacting, blocking collection (finalizers run in between).</summary>
    public static ProcessMemory AfterFullCollection()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return Now();
    }

    /// <summary>Where the resident set lies, for a report's reference column.</summary>
    public string Breakdown() => FormattableString.Invariant(
        $"anonymous {ResidentMiB(AnonymousBytes)}, files {ResidentMiB(FileBytes)}, shared (code) {ResidentMiB(SharedBytes)}; managed heap {ResidentMiB(ManagedHeapBytes)}");

    private static string ResidentMiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", System.Globalization.CultureInfo.InvariantCulture) + " MiB";
}
