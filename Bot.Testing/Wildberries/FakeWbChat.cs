using System.Text.Json.Nodes;

namespace Bot.Testing.Wildberries;

/// <summary>A chat as the fake keeps it: its current sign and card.</summary>
internal sealed class FakeWbChat(string id, string sign, string clientName, JsonObject? goodCard)
{
    public string Id { get; } = id;

    public string Sign { get; set; } = sign;

    public string ClientName { get; } = clientName;

    public JsonObject? GoodCard { get; } = goodCard;

    public JsonObject? LastMessage { get; set; }
}
