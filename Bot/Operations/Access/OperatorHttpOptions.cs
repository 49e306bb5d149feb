namespace Bot.Operations.Access;

/// <summary>Section "Operators": who may read the status page, /metrics and the details of /readyz.</summary>
public sealed class OperatorHttpOptions
{
    public const int MinTokenLength = 16;

    /// <summary>The secret operators and Prometheus present (a bearer header, or the status page's login form).
    /// Required whenever the bridge listens beyond loopback; when set, it is required on every address.</summary>
    public string? HttpToken { get; set; }
}
