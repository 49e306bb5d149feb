using System.Net;
using Bot.Testing.BotApi.Methods;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Testing.BotApi;

/// <summary>
/// A fake Telegram Bot API on 127.0.0.1 for tests: the real Telegram.Bot client works against it unchanged.
/// Scripting (chats, incoming updates, failures) and inspection live in the other parts of this class.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeTelegramState _state;
    private readonly FailureInjector _failures;
    private readonly RequestLog _log;

    private FakeTelegramServer(WebApplication app, FakeTelegramState state, FailureInjector failures, RequestLog log, string token, string baseUrl)
    {
        _app = app;
        _state = state;
        _failures = failures;
        _log = log;
        Token = token;
        BaseUrl = baseUrl;
    }

    /// <summary>Scheme, host and port, e.g. http://127.0.0.1:51234; pass it as the client's baseUrl.</summary>
    public string BaseUrl { get; }

    /// <summary>A token shaped like a real one ("{BotUserId}:TEST-token").</summary>
    public string Token { get; }

    public long BotUserId => _state.Bot.Id;

    public string BotUsername => _state.Bot.Username!;

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null)
    {
        options ??= new FakeTelegramOptions();
        var state = new FakeTelegramState(options);
        var token = $"{options.BotUserId}:TEST-token";
        var failures = new FailureInjector();
        var log = new RequestLog();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var endpoint = new BotApiEndpoint(state, CreateRoutes(state), failures, log, token, app.Lifetime.ApplicationStopping);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeTelegramServer(app, state, failures, log, token, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        _state.Updates.Stop();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Updates.Dispose();
    }

    private static BotApiRoutes CreateRoutes(FakeTelegramState state)
    {
        var routes = new BotApiRoutes(state);
        new ChatMethods(state).Register(routes);
        new UpdateMethods(state).Register(routes);
        new SendMessageMethod(state).Register(routes);
        new SendPhotoMethod(state).Register(routes);
        new EditMethods(state).Register(routes);
        new TopicMethods(state).Register(routes);
        new InteractionMethods(state).Register(routes);
        new FileMethods(state).Register(routes);
        return routes;
    }
}
