namespace Bot.Media;

/// <summary>How marketplace images are fetched (section "Relay", next to <c>Relay:MaxPhotoBytes</c>).</summary>
public sealed class MediaFetchOptions
{
    /// <summary>Also fetch from loopback, private, link-local and other non-public addresses. Off in production: an
    /// image URL in a buyer's message must not reach the bridge's own network. Tests turn it on for their local
    /// image server.</summary>
    public bool AllowPrivateMediaHosts { get; set; }

    /// <summary>Redirects followed per image; each hop is checked again.</summary>
    public int MaxMediaRedirects { get; set; } = 3;
}
