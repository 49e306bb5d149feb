using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

internal delegate Task<JsonNode?> BotApiHandler(BotApiRequest request, CancellationToken cancellationToken);

/// <summary>Bot API methods by name (case-insensitive, like Telegram).</summary>
internal sealed class BotApiRoutes(FakeTelegramState state)
{
    private readonly Dictionary<string, BotApiHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A synchronous method: it runs under the state lock, so validation, rate limit and effect are atomic.</summary>
    public void Add(string method, Func<BotApiRequest, object> handler) => _handlers[method] = (request, _) =>
    {
        lock (state.Gate)
        {
            return Task.FromResult(ApiJson.ToNode(handler(request)));
        }
    };

    public void AddAsync(string method, BotApiHandler handler) => _handlers[method] = handler;

    public BotApiHandler? Find(string method) => _handlers.GetValueOrDefault(method);
}
