using System.Net;

namespace Bot.Core.Translation;

/// <summary>Why a translation failed, as the "reason" label of bridge_translation_failures_total: a closed set, so
/// every series can be shown from the start. The log line of each failure has the details (the HTTP status, the error).</summary>
public static class TranslationFailureReasons
{
    public const string RateLimited = "rate_limited";
    public const string Refused = "refused";
    public const string ServerError = "server_error";
    public const string Garbage = "garbage";
    public const string Timeout = "timeout";
    public const string Network = "network";
    public const string Placeholders = "placeholders";
    public const string Error = "error";

    public static IReadOnlyList<string> All { get; } = [RateLimited, Refused, ServerError, Garbage, Timeout, Network, Placeholders, Error];

    /// <summary>429 is rate_limited, other 4xx (a bad key, a used-up quota, a refused request) refused, 5xx server_error.</summary>
    public static string OfStatus(HttpStatusCode status) => (int)status switch
    {
        429 => RateLimited,
        >= 500 => ServerError,
        _ => Refused,
    };
}
