using System.Net;

namespace Bot.Media;

/// <summary>Which addresses the media fetcher may connect to; asked for every address of every hop, at connect time.</summary>
internal interface IMediaAddressPolicy
{
    bool Allows(IPAddress address);
}
