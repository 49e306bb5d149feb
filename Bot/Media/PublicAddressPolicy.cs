using System.Net;
using Microsoft.Extensions.Options;

namespace Bot.Media;

/// <summary>Public addresses only, unless <see cref="MediaFetchOptions.AllowPrivateMediaHosts"/> is set.</summary>
internal sealed class PublicAddressPolicy(IOptions<MediaFetchOptions> options) : IMediaAddressPolicy
{
    public bool Allows(IPAddress address) => options.Value.AllowPrivateMediaHosts || PublicAddresses.IsPublic(address);
}
