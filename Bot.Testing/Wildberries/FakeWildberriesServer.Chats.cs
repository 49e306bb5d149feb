using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Wildberries;

/// <summary>The chat list (all chats, no paging) and the downloads.</summary>
public sealed partial class FakeWildberriesServer
{
    private IResult Chats()
    {
        lock (gate)
        {
            var result = new JsonArray();
            foreach (var chat in chats.Values)
            {
                result.Add(new JsonObject
                {
                    ["chatID"] = chat.Id, ["replySign"] = chat.Sign, ["clientName"] = chat.ClientName,
                    ["goodCard"] = chat.GoodCard?.DeepClone(), ["lastMessage"] = chat.LastMessage?.DeepClone(),
                });
            }

            return Json(new JsonObject { ["result"] = result, ["errors"] = null });
        }
    }

    private IResult Download(string id)
    {
        lock (gate)
        {
            if (!downloads.TryGetValue(id, out var file))
            {
                return Results.Json(new JsonObject { ["title"] = "not found", ["detail"] = "file not found" }, statusCode: 404);
            }

            return file.Status switch
            {
                200 => Results.Bytes(file.Data, file.ContentType),
                202 => Results.Json(new JsonObject { ["moderationState"] = "moderating", ["retrySeconds"] = 60 }, statusCode: 202),
                _ => Results.Json(new JsonObject { ["title"] = "unavailable for legal reasons", ["detail"] = "failed moderation" }, statusCode: file.Status),
            };
        }
    }
}
