namespace Bot.Benchmarks.Infrastructure;

/// <summary>The process's memory as Linux reports it: resident set now (VmRSS) and at its peak (VmHWM).</summary>
public sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes, long ManagedHeapBytes)
{
    /// <summary>Reads the figures after a full, compacting, blocking collection (finalizers run in between).</summary>
    /// <summary>Reads the figures as they are, without collecting first.</summary>
    public static ProcessMemory Now()
    {
        var status = File.ReadAllLines("/proc/self/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return new ProcessMemory(Kb("VmRSS:"), Kb("VmHWM:"), GC.GetTotalMemory(forceFullCollection: false));
    }

    public static ProcessMemory AfterFullCollection()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return Now();
    }
}
