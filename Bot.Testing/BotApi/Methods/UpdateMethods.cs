using System.Text.Json.Nodes;

namespace Bot.Testing.BotApi.Methods;

/// <summary>getUpdates with offset, limit, timeout (long polling) and allowed_updates.</summary>
internal sealed class UpdateMethods(FakeTelegramState state)
{
    public void Register(BotApiRoutes routes) => routes.AddAsync("getUpdates", GetUpdatesAsync);

    private async Task<JsonNode?> GetUpdatesAsync(BotApiRequest request, CancellationToken cancellationToken)
    {
        var limit = request.Int("limit") ?? 100;
        limit = Math.Clamp(limit, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, request.Int("timeout") ?? 0));
        var allowed = request.Json("allowed_updates")?.AsArray().Select(n => n?.GetValue<string>() ?? string.Empty).ToList();
        return await state.Updates.GetAsync(request.Long("offset") ?? 0, limit, timeout, allowed, cancellationToken);
    }
}
