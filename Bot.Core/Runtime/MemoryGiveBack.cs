using System.Runtime.InteropServices;

namespace Bot.Core.Runtime;

/// <summary>Returns memory the process no longer uses to the system: one aggressive collection of the managed heap
/// (the collector keeps freed pages committed otherwise), then, on Linux with glibc, <c>malloc_trim</c>, which hands
/// back the free pages inside the native allocator's arenas (SQLite's caches, the runtime's own allocations: 16 MiB of
/// the resident set holding 100k conversations). Other C libraries (musl) lack it; then only the collection runs.</summary>
public static class MemoryGiveBack
{
    private static volatile bool nativeTrimMissing = !OperatingSystem.IsLinux();
    private static int nativeTrims;

    /// <summary>How many times the native heap was trimmed.</summary>
    public static int NativeTrims => Volatile.Read(ref nativeTrims);

    /// <summary>Blocking: tens of milliseconds on this heap. A handful of times an hour at most.</summary>
    public static void Now()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
    }

    private static void TrimNativeHeap()
    {
        if (nativeTrimMissing)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
            Interlocked.Increment(ref nativeTrims);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            nativeTrimMissing = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
