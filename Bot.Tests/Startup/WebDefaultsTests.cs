using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Startup;

/// <summary>The slim web builder the bridge starts from keeps what the full builder gave an operator: HTTPS endpoints from
/// Kestrel's configuration, <c>AllowedHosts</c> and forwarded headers behind a proxy. Each fails with the slim
/// builder alone. No database is involved.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WebDefaultsTests
{
    [Fact]
    public async Task AllowedHosts_RefusesAnotherHostName_AndServesTheAllowedOne()
    {
        await using var app = await StartAsync("--AllowedHosts=bridge.example;status.example");
        using var http = new HttpClient { BaseAddress = Address(app) };

        using var other = await GetAsync(http, "other.example");
        using var allowed = await GetAsync(http, "status.example");

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task WithoutAllowedHosts_AnyHostNameIsServed()
    {
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = Address(app) };

        using var response = await GetAsync(http, "anything.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("true", "https 203.0.113.7")]
    [InlineData("false", "http 127.0.0.1")]
    public async Task ForwardedHeaders_AreReadOnlyWhenEnabled(string enabled, string seen)
    {
        await using var app = await StartAsync($"--FORWARDEDHEADERS_ENABLED={enabled}");
        using var http = new HttpClient { BaseAddress = Address(app) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/seen");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await http.SendAsync(request);

        Assert.Equal(seen, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpsEndpoint_FromKestrelsConfiguration_Serves()
    {
        var certificate = Path.Combine(Directory.CreateTempSubdirectory("bridge-https-").FullName, "bridge.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSigned());

        await using var app = await StartAsync(
            "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Https:Certificate:Path={certificate}",
            "--Kestrel:Endpoints:Https:Certificate:Password=test-only");
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { BaseAddress = Address(app) };

        using var response = await http.GetAsync(new Uri("/seen", UriKind.Relative));

        Assert.StartsWith("https://", Address(app).ToString(), StringComparison.Ordinal);
        Assert.Equal("https 127.0.0.1", await response.Content.ReadAsStringAsync());
    }

    private static async Task<WebApplication> StartAsync(params string[] args)
    {
        var builder = BridgeApp.CreateBuilder(["--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. args]);
        var app = builder.Build();
        app.MapGet("/seen", (HttpContext context) => $"{context.Request.Scheme} {context.Connection.RemoteIpAddress}");
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) => new(app.Urls.First()); // the bound addresses once started

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/seen");
        request.Headers.Host = host;
        return await http.SendAsync(request);
    }

    private static byte[] SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, "test-only");
    }
}
