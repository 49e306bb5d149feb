using System.Collections.Concurrent;

namespace Bot.Marketplace.Wildberries;

/// <summary>The store's chats as last listed (<c>GET /api/v1/seller/chats</c>, all at once, no paging): the
/// <c>replySign</c> each answer needs, and the buyer's name and card for chats the feed brings without them.</summary>
internal sealed class WildberriesChats(WildberriesApi api)
{
    private readonly ConcurrentDictionary<string, WildberriesChat> chats = new(StringComparer.Ordinal);

    public WildberriesChat? Find(string chatId) => chats.TryGetValue(chatId, out var chat) ? chat : null;

    /// <summary>A sign the feed brought (an event of a new chat carries one).</summary>
    public void Remember(string chatId, string replySign) =>
        chats.AddOrUpdate(chatId, _ => new WildberriesChat(chatId, replySign, null, null), (_, old) => old with { ReplySign = replySign });

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var answer = await api.GetJsonAsync("/api/v1/seller/chats", cancellationToken);
        foreach (var row in WildberriesJson.Array(answer, "result"))
        {
            if (WildberriesJson.Str(row, "chatID") is { Length: > 0 } id)
            {
                chats[id] = new WildberriesChat(id, WildberriesJson.Str(row, "replySign"), WildberriesJson.Str(row, "clientName"), WildberriesCard.From(row));
            }
        }
    }
}
