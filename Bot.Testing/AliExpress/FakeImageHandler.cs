using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.AliExpress;

/// <summary><c>aliexpress.image.redefining.uploadtempimage</c>: multipart <c>file_data</c> + <c>src_file_name</c>, answering
/// <c>result</c> {url, width, height, src_file_name, is_success}. The refusals use the legacy <c>uploadTempImage4SDK</c>
/// codes (INFERRED to still apply: 08400003 no image data, 08400001 not jpg/png/gif); the 3 MB limit is INFERRED from the
/// photo bank's, the platform publishes none for this call.</summary>
internal sealed class FakeImageHandler(FakeAliExpressState state, FakeResponseWriter writer)
{
    public const string UploadTempImage = "aliexpress.image.redefining.uploadtempimage";
    public const int MaxBytes = 3 * 1024 * 1024;

    public async Task<JsonObject> UploadAsync(IReadOnlyDictionary<string, string> parameters, IFormFile? file)
    {
        var name = parameters.GetValueOrDefault("src_file_name") ?? file?.FileName ?? "";
        if (file is null || file.Length == 0)
        {
            return Refused("08400003", "no image data");
        }

        if (file.Length > MaxBytes)
        {
            return Refused("08400002", "image is larger than 3 MB (inferred limit)");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        if (!IsImage(buffer.ToArray()))
        {
            return Refused("08400001", "image format must be jpg, png or gif");
        }

        lock (state.Gate)
        {
            state.Uploads.Add(buffer.ToArray());
            var url = $"https://ae01.alicdn.com/kf/fake-{state.Uploads.Count}.jpg";
            return writer.Result(UploadTempImage, new JsonObject
            {
                ["url"] = url, ["width"] = 1, ["height"] = 1, ["src_file_name"] = name, ["is_success"] = true,
            });
        }
    }

    private JsonObject Refused(string code, string message) =>
        writer.Result(UploadTempImage, new JsonObject { ["is_success"] = false, ["error_code"] = code, ["error_message"] = message });

    private static bool IsImage(byte[] b) =>
        (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        || (b.Length > 8 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G')
        || (b.Length > 6 && b[0] == (byte)'G' && b[1] == (byte)'I' && b[2] == (byte)'F');
}
