using System.Net;
using System.Net.Sockets;

namespace Bot.Media;

/// <summary>Tells addresses on the public internet from loopback, private (RFC 1918, CGNAT 100.64/10, IPv6 ULA),
/// link-local, multicast, unspecified, documentation and reserved ranges, including IPv4 addresses embedded in IPv6
/// (mapped, NAT64, 6to4).</summary>
internal static class PublicAddresses
{
    public static bool IsPublic(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
        AddressFamily.InterNetworkV6 => IsPublicV6(address.GetAddressBytes()),
        _ => false,
    };

    private static bool IsPublicV4(ReadOnlySpan<byte> b) => !(
        b[0] is 0 or 10 or 127 or >= 224 // "this network", private, loopback, multicast, reserved, broadcast
        || (b[0] == 100 && (b[1] & 0xC0) == 64) // CGNAT 100.64.0.0/10
        || (b[0] == 169 && b[1] == 254) // link-local (cloud metadata lives here)
        || (b[0] == 172 && (b[1] & 0xF0) == 16) // 172.16.0.0/12
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF assignments, TEST-NET-1
        || (b[0] == 198 && (b[1] & 0xFE) == 18) // benchmarking 198.18.0.0/15
        || (b[0] == 198 && b[1] == 51 && b[2] == 100) // TEST-NET-2
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)); // TEST-NET-3

    private static bool IsPublicV6(byte[] b)
    {
        if (b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && b[10] == 0xFF && b[11] == 0xFF)
        {
            return IsPublicV4(b.AsSpan(12)); // IPv4-mapped ::ffff:a.b.c.d
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicV4(b.AsSpan(12)); // NAT64 64:ff9b::/96
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(b.AsSpan(2, 4)); // 6to4 2002::/16
        }

        return !(
            b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 // unspecified, loopback, IPv4-compatible (deprecated)
            || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
            || (b[0] == 0xFE && (b[1] & 0x80) == 0x80) // link-local fe80::/10, site-local fec0::/10
            || b[0] == 0xFF // multicast
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // documentation 2001:db8::/32
            || (b[0] == 0x01 && b.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0)); // discard 100::/64
    }
}
