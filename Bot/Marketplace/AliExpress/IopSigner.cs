using System.Security.Cryptography;
using System.Text;

namespace Bot.Marketplace.AliExpress;

/// <summary>The IOP request signature (<c>sign_method=sha256</c>), as the AliExpress open platform documents it
/// (https://open.alitrip.com/docs/doc.htm?articleId=120692&amp;docType=1&amp;treeId=727).</summary>
internal static class IopSigner
{
    /// <summary>HMAC-SHA256 with the app secret over <c>[apiPath]key1value1key2value2…</c>: every parameter except
    /// <c>sign</c>, empty values skipped, keys sorted ordinally; upper-case hex.</summary>
    /// <param name="apiPath">Only for <c>/rest/...</c> calls; <c>/sync</c> calls sign without a prefix.</param>
    public static string Sign(IEnumerable<KeyValuePair<string, string?>> parameters, string appSecret, string? apiPath = null)
    {
        var text = new StringBuilder(apiPath);
        foreach (var (key, value) in parameters
                     .Where(p => p.Key != "sign" && !string.IsNullOrEmpty(p.Value))
                     .OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexString(hash);
    }
}
