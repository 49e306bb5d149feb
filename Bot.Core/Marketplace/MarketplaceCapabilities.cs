namespace Bot.Core.Marketplace;

/// <summary>What an adapter can do beyond plain text.</summary>
/// <param name="MaxTextLength">The longest text one message may carry; longer text is split by the core.</param>
/// <param name="InvitesAllowed">Whether staff may invite a buyer to continue in Telegram through the marketplace
/// conversation (false where the marketplace's rules forbid moving buyers off the platform).</param>
/// <param name="Attachments">The files staff may send (a document in a topic); unset: JPEG and PNG pictures
/// (<see cref="MarketplaceAttachments.Images"/>).</param>
public sealed record MarketplaceCapabilities(int MaxTextLength, bool InvitesAllowed = true, MarketplaceAttachments? Attachments = null)
{
    public MarketplaceAttachments Files => Attachments ?? MarketplaceAttachments.Images;
}
