using System.Net;
using System.Net.Sockets;

namespace Bot.Media;

/// <summary>The media fetcher's connections: the host is resolved here and only addresses the policy allows are
/// dialled, so the address checked is the address connected to (a DNS answer that changes between a check and the
/// connect, "DNS rebinding", cannot slip through). No proxy (it would connect on our behalf, unchecked), no automatic
/// redirects (the fetcher follows them itself, checking each hop), no cookies.</summary>
internal static class MediaHttpHandler
{
    public static SocketsHttpHandler Create(IMediaAddressPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(IMediaAddressPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(policy.Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new MediaAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
