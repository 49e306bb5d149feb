using Bot.Testing.BotApi.Methods;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.BotApi;

/// <summary>
/// A fake Telegram Bot API on 127.0.0.1 for tests: the real Telegram.Bot client works against it unchanged.
/// Scripting (chats, incoming updates, failures) and inspection live in the other parts of this class.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly FakeTelegramState _state;
    private readonly FailureInjector _failures;
    private readonly RequestLog _log;

    private FakeTelegramServer(LoopbackServer server, FakeTelegramState state, FailureInjector failures, RequestLog log, string token)
    {
        _server = server;
        _state = state;
        _failures = failures;
        _log = log;
        Token = token;
    }

    /// <summary>Scheme, host and port, e.g. http://127.0.0.1:51234; pass it as the client's baseUrl.</summary>
    public string BaseUrl => _server.Url;

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
        var server = await LoopbackServer.StartAsync(app =>
        {
            var endpoint = new BotApiEndpoint(state, CreateRoutes(state), failures, log, token, app.Lifetime.ApplicationStopping);
            app.Run(new RequestDelegate(endpoint.HandleAsync));
        });
        return new FakeTelegramServer(server, state, failures, log, token);
    }

    public async ValueTask DisposeAsync()
    {
        _state.Updates.Stop();
        await _server.DisposeAsync();
        _state.Updates.Dispose();
    }

    private static BotApiRoutes CreateRoutes(FakeTelegramState state)
    {
        var routes = new BotApiRoutes(state);
        new ChatMethods(state).Register(routes);
        new UpdateMethods(state).Register(routes);
        new SendMessageMethod(state).Register(routes);
        new SendPhotoMethod(state).Register(routes);
        new SendDocumentMethod(state).Register(routes);
        new EditMethods(state).Register(routes);
        new TopicMethods(state).Register(routes);
        new InteractionMethods(state).Register(routes);
        new FileMethods(state).Register(routes);
        return routes;
    }
}
