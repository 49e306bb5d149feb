using System.Net;
using Bot.Testing.Images;
using Bot.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Media;

/// <summary>The media fetcher against image servers on loopback addresses, with the production policy (public
/// addresses only) unless a test says otherwise.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class MediaFetcherTests : IAsyncLifetime
{
    private const int Cap = 16 * 1024;

    // 127.0.0.2 plays a public image host in the redirect tests: the policy lets it through and nothing else.
    private static readonly IPAddress PublicStandIn = IPAddress.Parse("127.0.0.2");

    private ImageServer local = null!;

    public async Task InitializeAsync() => local = await ImageServer.StartAsync();

    public async Task DisposeAsync() => await local.DisposeAsync();

    [Theory]
    [InlineData("{0}/item.jpg")]
    [InlineData("http://localhost:{1}/item.jpg")]
    [InlineData("http://[::ffff:127.0.0.1]:{1}/item.jpg")]
    public async Task LoopbackImage_IsRefused_WithoutConnecting(string template)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, local.Url, new Uri(local.Url).Port);

        Assert.Null(await FetchAsync(DefaultPolicy(), url));
        Assert.Equal(0, local.Requests);
    }

    [Fact]
    public async Task LoopbackImage_IsFetched_WhenPrivateHostsAreAllowed()
    {
        Assert.Equal(ImageServer.Jpeg, await FetchAsync(AllowPrivate(), $"{local.Url}/item.jpg"));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.jpg")]
    [InlineData("not a url")]
    public async Task NonHttpUrl_IsRefused(string url)
    {
        Assert.Null(await FetchAsync(AllowPrivate(), url));
    }

    [Fact]
    public async Task RedirectToLoopback_IsRefused()
    {
        await using var outside = await ImageServer.StartAsync(PublicStandIn.ToString());
        var policy = new StandInPolicy();

        var redirected = await FetchAsync(policy, $"{outside.Url}/redirect?to={Uri.EscapeDataString(local.Url + "/item.jpg")}");
        var direct = await FetchAsync(policy, $"{outside.Url}/redirect?to={Uri.EscapeDataString(outside.Url + "/item.jpg")}");

        Assert.Null(redirected);
        Assert.Equal(0, local.Requests);
        Assert.Equal(ImageServer.Jpeg, direct); // The same redirect to an allowed host is followed.
    }

    [Fact]
    public async Task RedirectToFile_IsRefused()
    {
        Assert.Null(await FetchAsync(AllowPrivate(), $"{local.Url}/redirect?to={Uri.EscapeDataString("file:///etc/passwd")}"));
    }

    [Fact]
    public async Task EndlessRedirects_StopAtTheLimit()
    {
        Assert.Null(await FetchAsync(AllowPrivate(), $"{local.Url}/loop/0"));
        Assert.Equal(4, local.Requests); // The first request and three redirects.
    }

    [Fact]
    public async Task OversizeImage_WithoutContentLength_IsRefusedWhileStreaming()
    {
        Assert.Null(await FetchAsync(AllowPrivate(), $"{local.Url}/huge.jpg"));
    }

    [Theory]
    [InlineData("/page.html")]
    [InlineData("/drawing.svg")]
    [InlineData("/untyped")]
    public async Task NonImageContent_IsRefused(string path)
    {
        Assert.Null(await FetchAsync(AllowPrivate(), local.Url + path));
    }

    private static async Task<byte[]?> FetchAsync(IMediaAddressPolicy policy, string url)
    {
        using var http = new HttpClient(MediaHttpHandler.Create(policy));
        var fetcher = new HttpMediaFetcher(http, Options.Create(new MediaFetchOptions()), NullLogger<HttpMediaFetcher>.Instance);
        return await fetcher.FetchAsync(url, Cap, CancellationToken.None);
    }

    private static PublicAddressPolicy DefaultPolicy() => new(Options.Create(new MediaFetchOptions()));

    private static PublicAddressPolicy AllowPrivate() => new(Options.Create(new MediaFetchOptions { AllowPrivateMediaHosts = true }));

    private sealed class StandInPolicy : IMediaAddressPolicy
    {
        public bool Allows(IPAddress address) => address.Equals(PublicStandIn) || DefaultPolicy().Allows(address);
    }
}
