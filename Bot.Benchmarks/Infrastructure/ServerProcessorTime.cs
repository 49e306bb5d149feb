using System.Globalization;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>Processor time spent by a PostgreSQL server (its postmaster, the backends and helpers it started, and those
/// of them that exited), read from <c>/proc</c>: the database's share of the work, which runs outside the measured
/// process. Zero where <c>/proc</c> is missing.</summary>
public sealed class ServerProcessorTime(string dataDirectory)
{
    /// <summary>Clock ticks per second of <c>/proc/*/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The server's processor time so far, in microseconds.</summary>
    public double Micros()
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var postmaster))
        {
            return 0;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmaster)
            {
                ticks += stat.Own + stat.Children; // children: the backends that exited (and were waited for)
            }
            else if (stat.Parent == postmaster)
            {
                ticks += stat.Own;
            }
        }

        return ticks / TicksPerSecond * 1_000_000;
    }

    private static (int Parent, long Own, long Children)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // After "pid (comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), counted from 1 over the whole line.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
