using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Testing.Translation;

/// <summary>A Kestrel minimal-API server on 127.0.0.1 and a free port, for speaking real HTTP to a fake provider.</summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeHttpServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Url => BaseUri.ToString().TrimEnd('/');

    public static async Task<FakeHttpServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeHttpServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}
