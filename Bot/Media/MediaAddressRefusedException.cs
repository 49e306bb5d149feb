namespace Bot.Media;

/// <summary>An image host resolved only to addresses the <see cref="IMediaAddressPolicy"/> refuses.</summary>
internal sealed class MediaAddressRefusedException(string host)
    : IOException($"{host} resolves to no public address; images are fetched from public addresses only (Relay__AllowPrivateMediaHosts)");
