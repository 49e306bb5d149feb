using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.BotApi;

/// <summary>Reads query, JSON body, url-encoded form or multipart form into one parameter bag, like the Bot API does.</summary>
internal static class BotApiRequestReader
{
    public static async Task<BotApiRequest> ReadAsync(HttpContext context, string method, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            values[key] = JsonValue.Create(value.ToString());
        }

        var request = context.Request;
        if (request.HasJsonContentType())
        {
            await ReadJsonAsync(request, values, cancellationToken);
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                values[key] = JsonValue.Create(value.ToString());
            }

            foreach (var part in form.Files)
            {
                using var buffer = new MemoryStream();
                await part.CopyToAsync(buffer, cancellationToken);
                files[part.Name] = new UploadedFile(part.FileName, buffer.ToArray());
            }
        }

        return new BotApiRequest(method, values, files);
    }

    private static async Task ReadJsonAsync(HttpRequest request, Dictionary<string, JsonNode?> values, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest("can't parse JSON object");
        }

        if (body is not JsonObject json)
        {
            return;
        }

        foreach (var (key, value) in json.ToList())
        {
            json.Remove(key);
            values[key] = value;
        }
    }
}
