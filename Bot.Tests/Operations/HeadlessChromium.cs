using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Bot.Tests.Operations;

/// <summary>Debian's chromium, headless: screenshots of a page at a window size, and the page's width measured by the
/// browser itself. The test fails (it does not skip) when chromium is missing: .ci/run installs it.</summary>
internal static partial class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string Executable { get; } = Find();

    /// <summary>Writes a PNG of <paramref name="url"/> as a window of <paramref name="width"/> × <paramref name="height"/> shows it.</summary>
    public static async Task ScreenshotAsync(string url, int width, int height, string png) =>
        await RunAsync($"--window-size={width},{height}", $"--screenshot={png}", url);

    /// <summary>Loads <paramref name="html"/> (the page's markup, its CSS inline) with a script that reports, once the
    /// window has its size, how wide the document is and how wide the window is, in CSS pixels.</summary>
    public static async Task<(int ScrollWidth, int InnerWidth)> MeasureAsync(string html, int width, int height, string directory)
    {
        const string Probe = "<script>function fit(){console.log('FIT '+document.documentElement.scrollWidth+'x'+innerWidth);}fit();addEventListener('resize',fit);</script>";
        var file = Path.Combine(directory, $"measure-{width}.html");
        await File.WriteAllTextAsync(file, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        var output = await RunAsync("--enable-logging=stderr", "--virtual-time-budget=3000", $"--window-size={width},{height}", $"--screenshot={Path.Combine(directory, $"measure-{width}.png")}", new Uri(file).AbsoluteUri);
        var last = FitLine().Matches(output).LastOrDefault() ?? throw new InvalidOperationException($"chromium reported no measurement:\n{output}");
        return (int.Parse(last.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(last.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Width and height from a PNG's header.</summary>
    public static (int Width, int Height) PngSize(string png)
    {
        var header = File.ReadAllBytes(png).AsSpan(0, 24);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[16..]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[20..]));
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        var start = new ProcessStartInfo(Executable);
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", $"--user-data-dir={profile}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var (exitCode, output) = await Harness.ProgramRun.RunAsync(start, Timeout);
        Directory.Delete(profile, recursive: true);
        return exitCode == 0 ? output : throw new InvalidOperationException($"chromium exited with {exitCode}:\n{output}");
    }

    private static string Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists)
            ?? "";
    }

    [GeneratedRegex("\"FIT (\\d+)x(\\d+)\"")]
    private static partial Regex FitLine();
}
