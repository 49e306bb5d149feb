using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Wildberries;

/// <summary><c>POST /api/v1/seller/message</c>: what the platform checks, and the post's echo in the feed.</summary>
public sealed partial class FakeWildberriesServer
{
    public const int MaxTextLength = 1000;
    public const int MaxFileBytes = 5 * 1024 * 1024;

    private async Task<IResult> PostAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal))
        {
            return BadRequest("request must be multipart/form-data");
        }

        // The server's own 30,000,000-byte default would cut the body before the documented 30 MB total is checked.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = 64 * 1024 * 1024;
        }

        var form = await context.Request.ReadFormAsync();
        var sign = form["replySign"].ToString();
        var text = form["message"].ToString();
        var files = new List<FakeWbFile>();
        foreach (var file in form.Files)
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            files.Add(new FakeWbFile(file.FileName, file.ContentType, stream.ToArray()));
        }

        if (sign.Length == 0)
        {
            return BadRequest("replySign is required");
        }

        if (text.Length > MaxTextLength)
        {
            return BadRequest($"message is longer than {MaxTextLength} characters");
        }

        if (text.Length == 0 && files.Count == 0)
        {
            return BadRequest("message or file is required");
        }

        if (files.FirstOrDefault(f => f.ContentType is not ("image/jpeg" or "image/png" or "application/pdf") || f.Data.Length > MaxFileBytes) is { } bad)
        {
            return BadRequest($"file {bad.Name}: only JPEG, PNG or PDF up to 5 MB");
        }

        if (files.Sum(f => f.Data.Length) > 30 * 1024 * 1024)
        {
            return BadRequest("files exceed 30 MB in total");
        }

        lock (gate)
        {
            if (chats.Values.FirstOrDefault(c => c.Sign == sign) is not { } chat)
            {
                return BadRequest("invalid replySign");
            }

            sent.Add(new FakeWbSent(chat.Id, sign, text, files));
            var attachments = new JsonObject();
            // Pictures come back under images, other files (PDFs) under files with their name, type and size.
            var images = new JsonArray();
            var others = new JsonArray();
            foreach (var file in files)
            {
                var id = $"dl-sent-{++ids}";
                downloads[id] = new FakeWbDownload(file.Data, file.ContentType);
                var isImage = file.ContentType.StartsWith("image/", StringComparison.Ordinal);
                (isImage ? images : others).Add(isImage
                    ? new JsonObject { ["downloadID"] = id, ["url"] = "", ["date"] = "" }
                    : new JsonObject { ["downloadID"] = id, ["name"] = file.Name, ["contentType"] = file.ContentType, ["size"] = file.Data.Length, ["url"] = "", ["date"] = "" });
            }

            if (images.Count > 0)
            {
                attachments["images"] = images;
            }

            if (others.Count > 0)
            {
                attachments["files"] = others;
            }

            AddEvent(chat, "seller", "seller-public-api", text, attachments, isNewChat: false);
            return Json(new JsonObject
            {
                ["result"] = new JsonObject { ["addTime"] = lastStamp, ["chatID"] = chat.Id, ["sign"] = chat.Sign },
                ["errors"] = new JsonArray(),
            });
        }
    }

    private static IResult BadRequest(string detail) => Results.Json(new JsonObject
    {
        ["status"] = 400, ["title"] = "bad request", ["origin"] = "buyer-chat", ["detail"] = detail, ["requestId"] = Guid.NewGuid().ToString("N"), ["error"] = detail,
    }, statusCode: 400);
}
