using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Wildberries;

/// <summary>The feed and the chats: what buyers write, as the platform lists it.</summary>
public sealed partial class FakeWildberriesServer
{
    /// <summary>A buyer writes in a chat about order <paramref name="rid"/> (the chat is opened by its first message,
    /// whose event carries the replySign and the goodCard). Images and files are served by the download endpoint.</summary>
    /// <returns>The new event id.</returns>
    public string AddBuyerMessage(string chatId, string clientName, string text, string rid = "1234567890123456789.0.0", long nmId = 123456789,
        IReadOnlyDictionary<string, FakeWbDownload>? images = null, IReadOnlyList<(string DownloadId, string Name, FakeWbDownload File)>? files = null)
    {
        lock (gate)
        {
            var isNew = !chats.ContainsKey(chatId);
            var card = new JsonObject { ["nmID"] = nmId, ["price"] = 1290, ["priceCurrency"] = "RUB", ["rid"] = rid, ["size"] = "M" };
            var chat = isNew ? chats[chatId] = new FakeWbChat(chatId, NewSign(chatId), clientName, card) : chats[chatId];
            var attachments = new JsonObject();
            if (isNew)
            {
                attachments["goodCard"] = card.DeepClone();
            }

            if (images is not null)
            {
                var list = new JsonArray();
                foreach (var (id, file) in images)
                {
                    downloads[id] = file;
                    list.Add(new JsonObject { ["downloadID"] = id, ["url"] = $"https://buyer-chat-api.wildberries.ru/api/v1/seller/download/{id}", ["date"] = DateTimeOffset.UtcNow.ToString("O") });
                }

                attachments["images"] = list;
            }

            if (files is not null)
            {
                var list = new JsonArray();
                foreach (var (id, name, file) in files)
                {
                    downloads[id] = file;
                    list.Add(new JsonObject { ["downloadID"] = id, ["name"] = name, ["contentType"] = file.ContentType, ["size"] = file.Data.Length, ["url"] = "", ["date"] = "" });
                }

                attachments["files"] = list;
            }

            return AddEvent(chat, "client", "rusite", text, attachments, isNew);
        }
    }

    /// <summary>An event as given (for malformed items), stamped after the others.</summary>
    public void AddRawEvent(JsonObject raw)
    {
        lock (gate)
        {
            var stamp = lastStamp = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastStamp + 1);
            raw["addTimestamp"] ??= stamp;
            events.Add(raw);
        }
    }

    /// <summary>Wildberries changed the chat's signature: the old one is refused with 400 until the chats are listed again.</summary>
    public string RotateReplySign(string chatId)
    {
        lock (gate)
        {
            return chats[chatId].Sign = NewSign(chatId);
        }
    }

    public string ReplySignOf(string chatId)
    {
        lock (gate)
        {
            return chats[chatId].Sign;
        }
    }

    private string AddEvent(FakeWbChat chat, string sender, string source, string text, JsonObject attachments, bool isNewChat)
    {
        var stamp = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastStamp + 1);
        lastStamp = stamp;
        var id = $"ev-{++ids}";
        var e = new JsonObject
        {
            ["chatID"] = chat.Id, ["eventID"] = id, ["eventType"] = "message", ["isNewChat"] = isNewChat, ["sender"] = sender, ["source"] = source,
            ["clientName"] = chat.ClientName, ["addTimestamp"] = stamp,
            ["addTime"] = DateTimeOffset.FromUnixTimeMilliseconds(stamp).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["message"] = new JsonObject { ["text"] = text, ["attachments"] = attachments },
        };
        if (isNewChat)
        {
            e["replySign"] = chat.Sign;
        }

        events.Add(e);
        chat.LastMessage = new JsonObject { ["text"] = text, ["addTimestamp"] = stamp };
        return id;
    }

    /// <summary>Events after <paramref name="next"/> (Unix ms; from the start without it), at most <see cref="PageSize"/>;
    /// <c>next</c> is the last one's time, and <c>totalEvents</c> 0 says everything was given.</summary>
    private IResult Events(string? next)
    {
        long after = 0;
        if (next is { Length: > 0 } && !long.TryParse(next, NumberStyles.Integer, CultureInfo.InvariantCulture, out after))
        {
            return Results.Json(new JsonObject { ["status"] = 400, ["title"] = "bad request", ["detail"] = "next must be an integer", ["requestId"] = "fake", ["origin"] = "buyer-chat" }, statusCode: 400);
        }

        lock (gate)
        {
            var page = events.Where(e => e["addTimestamp"]!.GetValue<long>() > after).Take(PageSize).ToList();
            var list = new JsonArray();
            foreach (var e in page)
            {
                list.Add(e.DeepClone());
            }

            return Json(new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["next"] = page.Count > 0 ? page[^1]["addTimestamp"]!.GetValue<long>() : Math.Max(after, 0),
                    ["newestEventTime"] = page.Count > 0 ? page[^1]["addTime"]?.DeepClone() : null,
                    ["oldestEventTime"] = page.Count > 0 ? page[0]["addTime"]?.DeepClone() : null,
                    ["totalEvents"] = page.Count,
                    ["events"] = list,
                },
                ["errors"] = null,
            });
        }
    }

    private string NewSign(string chatId) => $"2:{chatId.Split(':')[^1]}:sig{++ids}";
}
