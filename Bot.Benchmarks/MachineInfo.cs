using System.Runtime.InteropServices;

namespace Bot.Benchmarks;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    public static void Print(string[] args)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Console.WriteLine("Bot.Benchmarks: the bridge's performance figures");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs ({cpu ?? "unknown CPU"}), {memory / 1024.0 / 1024 / 1024:N1} GiB memory available to .NET");
        Console.WriteLine($"Runtime: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}; server GC off, Release build expected" +
#if DEBUG
            " (THIS IS A DEBUG BUILD: figures are not representative)");
#else
            "");
#endif
        Console.WriteLine($"Command: dotnet run -c Release --project Bot.Benchmarks{(args.Length > 0 ? " " + string.Join(' ', args) : "")}");
        Console.WriteLine($"Started: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }
}
