using System.Text.Json;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.Wildberries;

/// <summary><c>POST /api/v1/seller/message</c>: multipart with <c>replySign</c>, <c>message</c> (at most 1,000
/// characters) and <c>file</c>; the answer's <c>errors</c> (file upload errors) are a refusal.</summary>
internal sealed class WildberriesPoster(WildberriesApi api)
{
    public async Task PostAsync(string sign, string text, (byte[] Data, string FileName, string ContentType)? file, CancellationToken cancellationToken)
    {
        var answer = await api.PostMultipartAsync("/api/v1/seller/message", () =>
        {
            var form = new MultipartFormDataContent { { new StringContent(sign), "replySign" } };
            if (text.Length > 0)
            {
                form.Add(new StringContent(text), "message");
            }

            if (file is { } f)
            {
                var content = new ByteArrayContent(f.Data);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(f.ContentType);
                form.Add(content, "file", f.FileName);
            }

            return form;
        }, cancellationToken);
        var errors = WildberriesJson.Array(answer, "errors").Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()).ToList();
        if (errors.Count > 0)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Wildberries refused the post: {string.Join("; ", errors)}.");
        }
    }
}
