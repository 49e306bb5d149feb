using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Testing;

/// <summary>A minimal ASP.NET Core app on a loopback address (127.0.0.1 unless told otherwise) and a free port, for
/// fakes that speak real HTTP: the fake Bot API, the fake AliExpress server, translation providers, image hosts.
/// The fake maps its routes in <c>map</c>; the server logs nothing and stops within a few seconds on dispose.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication app;

    private LoopbackServer(WebApplication app)
    {
        this.app = app;
        Url = AddressOf(app.Services);
    }

    /// <summary>Scheme, host and port without a trailing slash, e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public string Url { get; }

    /// <param name="map">Maps the fake's routes (and may read <see cref="WebApplication.Lifetime"/> for its stopping token).</param>
    /// <param name="host">The address to listen on: another loopback address stands in for a remote host.</param>
    /// <param name="port">A fixed port; 0 picks a free one.</param>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, string host = "127.0.0.1", int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = StopTimeout);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackServer(app);
    }

    /// <summary>The first address a started server listens on, without a trailing slash (for hosts built elsewhere,
    /// such as the bridge itself).</summary>
    public static string AddressOf(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(StopTimeout);
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}
