using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Testing;
using Xunit.Abstractions;

namespace Bot.Tests.Operations;

/// <summary>The status page in a real browser (headless chromium) at a phone's width (390 px) and a desktop's
/// (1280 px), with the bridge failing (windows tall enough to show the whole page): nothing is cut off sideways. The screenshots go to a temporary folder, and to
/// the folder in STATUS_PAGE_SCREENSHOTS when set (the README's way to refresh docs/status-page*.png).</summary>
[Harness.RunsLong]
public sealed class StatusPageScreenshotTests(ITestOutputHelper output) : IAsyncLifetime
{
    private OperatorsFixture f = null!;

    public async Task InitializeAsync() => f = await OperatorsFixture.StartAsync();

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Theory]
    [InlineData(390, 1900, "status-page-phone.png")]
    [InlineData(1280, 1250, "status-page.png")]
    public async Task FailingBridge_StatusPage_FitsTheWindow_AtPhoneAndDesktopWidths(int width, int height, string name)
    {
        Assert.True(HeadlessChromium.Executable.Length > 0, "chromium is not installed: apt-get install -y chromium (the .ci/run script does).");
        var html = await FailingPageAsync();
        var directory = Directory.CreateTempSubdirectory("status-page-").FullName;
        var png = Path.Combine(directory, name);

        await HeadlessChromium.ScreenshotAsync(f.Bridge.Url, width, height, png);
        var (scrollWidth, innerWidth) = await HeadlessChromium.MeasureAsync(html, width, height, directory);

        output.WriteLine($"{png}: {width} px window, document {scrollWidth} px wide, window {innerWidth} px");
        Assert.Equal((width, height), HeadlessChromium.PngSize(png));
        Assert.Equal(width, innerWidth);
        Assert.True(scrollWidth <= innerWidth, $"The page is {scrollWidth} px wide in a {innerWidth} px window: something is cut off.");
        if (Environment.GetEnvironmentVariable("STATUS_PAGE_SCREENSHOTS") is { Length: > 0 } keep)
        {
            File.Copy(png, Path.Combine(keep, name), overwrite: true);
        }
    }

    /// <summary>A refused marketplace account, a dead letter with a long error: the page with the most to say.</summary>
    private async Task<string> FailingPageAsync()
    {
        await f.MakeDeadLetterAsync("3001234567890", "Your refund was sent today.");
        f.Marketplace.FailNextFetch(new MarketplaceException(MarketplaceErrorKind.Authorization,
            "IllegalAccessToken: The specified access token is invalid or expired (request https://api-sg.aliexpress.com/sync?method=aliexpress.message.redefining.versiontwo.querymsgrelationlist&session=expired)"));
        var health = f.Bridge.Get<BridgeHealth>();
        var monitor = f.Bridge.Get<AlertMonitor>();
        await Eventually.TrueAsync(() => health.Marketplace.NeedsOperator && monitor.Active.Count >= 2, OperatorsFixture.Timeout);
        var page = await f.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("needs an operator", page, StringComparison.Ordinal);
        return page.Replace("<meta http-equiv=\"refresh\"", "<meta data-refresh-off", StringComparison.Ordinal);
    }
}
