using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Bot.Testing.BotApi;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Operations;

/// <summary>Who may read the status page, /metrics and /readyz's details, through the real host.</summary>
public sealed class OperatorAccessTests
{
    private const string Token = "op-token-0123456789abcdef";

    [Fact]
    public async Task LoopbackOnly_WithoutToken_ServesThePageAndMetrics()
    {
        await using var f = await OperatorsFixture.StartAsync();

        using var page = await f.Http.GetAsync(new Uri("/", UriKind.Relative));
        using var metrics = await f.Http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Dead letters", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task BeyondLoopback_WithToken_AsksForIt_AndAcceptsOnlyTheRightOne()
    {
        await using var f = await OperatorsFixture.StartAsync(new Dictionary<string, string?> { ["Urls"] = "http://0.0.0.0:0", ["Operators:HttpToken"] = Token });
        using var http = new HttpClient { BaseAddress = Loopback(f.Bridge.Url) };

        foreach (var path in new[] { "/", "/metrics" })
        {
            using var anonymous = await GetAsync(http, path, bearer: null);
            using var wrong = await GetAsync(http, path, bearer: "op-token-0123456789abcdeX");
            using var right = await GetAsync(http, path, bearer: Token);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }

        using var challenge = await GetAsync(http, "/metrics", bearer: null);
        Assert.Equal("Bearer", challenge.Headers.WwwAuthenticate.Single().Scheme);
        using var metrics = await GetAsync(http, "/metrics", bearer: Token);
        Assert.Contains("bridge_outbox_pending ", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var login = await GetAsync(http, "/", bearer: null);
        var form = await login.Content.ReadAsStringAsync();
        Assert.Contains("name=\"token\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Dead letters", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeyondLoopback_WithToken_HealthzStaysOpen_AndReadyzHidesItsDetails()
    {
        await using var f = await OperatorsFixture.StartAsync(new Dictionary<string, string?> { ["Urls"] = "http://0.0.0.0:0", ["Operators:HttpToken"] = Token });
        using var http = new HttpClient { BaseAddress = Loopback(f.Bridge.Url) };

        using var health = await GetAsync(http, "/healthz", bearer: null);
        using var anonymous = await GetAsync(http, "/readyz", bearer: null);
        using var operatorView = await GetAsync(http, "/readyz", bearer: Token);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var brief = await anonymous.Content.ReadAsStringAsync();
        Assert.Contains("\"status\"", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("checks", brief, StringComparison.Ordinal);
        Assert.Contains("\"checks\"", await operatorView.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_SignsInWithTheForm_AndKeepsASessionCookie_ThatIsNotTheToken()
    {
        await using var f = await OperatorsFixture.StartAsync(new Dictionary<string, string?> { ["Operators:HttpToken"] = Token });
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(f.Bridge.Url) };

        using var wrong = await browser.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", "not-the-token-at-all")]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Wrong token", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signedIn = await browser.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", Token)]));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode); // After the 303 to the status page.
        Assert.Contains("Dead letters", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var session = Assert.Single(cookies.GetAllCookies());
        Assert.True(session.HttpOnly);
        Assert.DoesNotContain(Token, session.Value, StringComparison.Ordinal);

        using var forged = new HttpClient { BaseAddress = new Uri(f.Bridge.Url) };
        forged.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}x");
        using var refused = await forged.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task StatusPage_ShowsNoMessageText_NorTheToken()
    {
        await using var f = await OperatorsFixture.StartAsync(new Dictionary<string, string?> { ["Operators:HttpToken"] = Token });
        await f.MakeDeadLetterAsync("81009", "Refund sent to card 4111");
        using var http = new HttpClient { BaseAddress = new Uri(f.Bridge.Url) };

        using var response = await GetAsync(http, "/", bearer: Token);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("The order is closed for comments", page, StringComparison.Ordinal); // The dead letter's error.
        Assert.DoesNotContain("Where is my parcel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Refund sent to card", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, page, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Telegram.Token, page, StringComparison.Ordinal);
    }

    private static Uri Loopback(string boundUrl) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(boundUrl.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port}"));

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }
}
