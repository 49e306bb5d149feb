namespace Bot.Core.Buyers;

/// <summary>Section "Buyers": inviting buyers to continue a conversation in Telegram.</summary>
public sealed class BuyerOptions
{
    /// <summary>How long an invitation link stays valid.</summary>
    public TimeSpan InviteTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Messages one buyer may send per minute from Telegram before the bridge asks them to slow down,
    /// protecting the store's marketplace account from spam.</summary>
    public int FloodLimitPerMinute { get; set; } = 10;

    /// <summary>Replies per minute to all Telegram users who are not linked together (the "open the invitation link"
    /// answer, refused codes): what strangers can make the bot send is bounded however many of them write. A valid
    /// invitation always links.</summary>
    public int StrangerRepliesPerMinute { get; set; } = 30;

    /// <summary>The store's name in messages to buyers.</summary>
    public string StoreName { get; set; } = "the store";

    /// <summary>Key from which invitation codes are derived (never stored in the database). When empty the host
    /// derives one from the bot token.</summary>
    public string InviteKey { get; set; } = "";

    /// <summary>Staff reply templates for /templates: name → text in the staff language.</summary>
    public Dictionary<string, string> StaffTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["shipped"] = "Your order has been shipped. The tracking number will appear in the order within a few days.",
        ["tracking"] = "Tracking often updates only once the parcel reaches the international sorting center. Please allow a few more days; we are watching it for you.",
        ["refund"] = "We are sorry for the trouble. Please tell us what happened and send a photo; we will offer a refund or a replacement.",
    };
}
