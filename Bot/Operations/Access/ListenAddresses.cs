using System.Net;

namespace Bot.Operations.Access;

/// <summary>Where Kestrel will listen, read from the same settings it reads: <c>Urls</c> (also ASPNETCORE_URLS),
/// else <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (every interface; the .NET container images set HTTP_PORTS), plus
/// any <c>Kestrel:Endpoints</c>. Nothing set means Kestrel's default, localhost.</summary>
internal static class ListenAddresses
{
    /// <summary>The first configured address reachable from beyond this machine, or null when all are loopback.</summary>
    public static string? FirstBeyondLoopback(IConfiguration configuration)
    {
        var urls = Split(configuration["urls"]).ToList();
        if (urls.Count == 0)
        {
            urls.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
            urls.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        }

        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.FirstOrDefault(url => !IsLoopback(url));
    }

    private static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false; // Kestrel will refuse it anyway; do not call it safe.
        }

        return address.IsUnixPipe || address.IsNamedPipe
            || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
