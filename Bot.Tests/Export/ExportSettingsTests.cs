using System.Text;
using Bot.Testing;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Export;

/// <summary>The export's settings: a bad time zone or missing fonts stop the start with one sentence; with the PDF off,
/// fonts are not needed and the export is the HTML page alone.</summary>
public sealed class ExportSettingsTests
{
    [Theory]
    [InlineData("Export__TimeZone", "Mars/Olympus", "Export__TimeZone is \"Mars/Olympus\", which is not a time zone this machine knows")]
    [InlineData("Export__FontDirectory", "/nonexistent-fonts", "Export__FontDirectory (/nonexistent-fonts) holds none of the fonts the PDF export draws with")]
    public async Task BadExportSetting_ExitsWithCode2_AndOneSentenceNamingIt(string key, string value, string sentence)
    {
        var settings = BridgeProcess.QuietSettings(Path.Combine(Directory.CreateTempSubdirectory("bridge-export-").FullName, "bridge.db"));
        settings[key] = value;

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Single(bridge.Lines, l => l.StartsWith($"Configuration error: {sentence}", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", bridge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FontFileThatIsNoFont_ExitsWithCode2_AndTheSentenceNamingTheDirectory()
    {
        var fonts = Directory.CreateTempSubdirectory("bridge-fonts-").FullName;
        await File.WriteAllTextAsync(Path.Combine(fonts, "NotoSans-Regular.ttf"), "<html>not a font</html>");
        await File.WriteAllBytesAsync(Path.Combine(fonts, "DejaVuSans.ttf"), []);
        var settings = BridgeProcess.QuietSettings(Path.Combine(Directory.CreateTempSubdirectory("bridge-export-").FullName, "bridge.db"));
        settings["Export__FontDirectory"] = fonts;

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Single(bridge.Lines, l => l.StartsWith($"Configuration error: Export__FontDirectory ({fonts}) holds none of the fonts the PDF export draws with", StringComparison.Ordinal));
    }

    /// <summary>The start-up check looks at the font files only: SkiaSharp (its assembly and its native library) and the
    /// fonts are mapped by the first PDF, not by a bridge that has just started (about 5 MiB resident).</summary>
    [Fact]
    public async Task Started_WithThePdfOn_HasNotLoadedSkiaSharpOrTheFonts()
    {
        var maps = await BridgeProcess.MapsAfterStartAsync("bridge-export-");

        Assert.Contains("libcoreclr.so", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("libSkiaSharp", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/SkiaSharp.dll", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/usr/share/fonts/", maps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfOff_NeedsNoFonts_AndTheExportIsTheHtmlPageAlone()
    {
        await using var rig = await StaffGroupBridge.StartAsync(settings: new Dictionary<string, string?> { ["Export:Pdf"] = "false", ["Export:FontDirectory"] = "/nonexistent-fonts" });
        var topic = await rig.TopicWithBuyerMessageAsync("83001", "Do you ship to Norway?");

        rig.Telegram.EnqueueMessage(StaffGroupBridge.Staff, StaffGroupBridge.StaffUser, "Sam", "/export", threadId: topic);

        var html = await Eventually.ValueAsync(() => rig.Telegram.SentTo(StaffGroupBridge.Staff, topic).FirstOrDefault(m => m.DocumentName == "order-83001-transcript.html"), StaffGroupBridge.Timeout);
        Assert.Contains("Do you ship to Norway?", Encoding.UTF8.GetString(html.Document!), StringComparison.Ordinal);
        rig.Telegram.EnqueueMessage(StaffGroupBridge.Staff, StaffGroupBridge.StaffUser, "Sam", "/export", threadId: topic);
        await Eventually.TrueAsync(() => rig.Telegram.SentTo(StaffGroupBridge.Staff, topic).Count(m => m.DocumentName is not null) == 2, StaffGroupBridge.Timeout);
        Assert.DoesNotContain(rig.Telegram.SentTo(StaffGroupBridge.Staff, topic), m => m.DocumentName?.EndsWith(".pdf", StringComparison.Ordinal) == true);
    }
}
