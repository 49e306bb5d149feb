using System.Net.Http.Headers;

namespace Bot.Marketplace.AliExpress;

/// <summary>A form body as the gateway reads it: <c>application/x-www-form-urlencoded; charset=utf-8</c>.</summary>
/// <remarks><see cref="FormUrlEncodedContent"/> percent-encodes UTF-8 but names no charset. The Taobao-family Java SDK
/// posts forms with <c>;charset=utf-8</c>; the platform's reference does not say the gateway needs it, but a gateway that
/// decodes by the header then reads Cyrillic or Chinese replies as they were written.</remarks>
internal static class IopForm
{
    public const string ContentType = "application/x-www-form-urlencoded";

    public static FormUrlEncodedContent Create(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new FormUrlEncodedContent(fields);
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" };
        return content;
    }
}
