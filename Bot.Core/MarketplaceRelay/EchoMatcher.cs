using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Recognises the bridge's own marketplace posts when a later fetch brings them back. The marketplace gives
/// no id when we post (AliExpress's <c>aliexpress.message.redefining.versiontwo.addmsg</c> answers with a channel id
/// only), so a seller-side message is an echo when it has the text of a post this bridge made in the same conversation
/// within the echo window and not yet matched.</summary>
public sealed partial class EchoMatcher(IMessageRepository messages, TimeProvider time, IOptions<MarketplaceRelayOptions> options)
{
    public async Task<bool> TryMatchAsync(DbSession session, long conversationId, MarketplaceMessage message)
    {
        var since = time.GetUtcNow() - options.Value.EchoWindow;
        var candidates = await messages.GetEchoCandidatesAsync(session, conversationId, since);
        var text = Normalize(message.Text);
        // Oldest first: two identical replies sent in a row match their echoes in order.
        var match = candidates.OrderBy(c => c.Id).FirstOrDefault(c => Normalize(c.Text) == text)
            ?? (text.Length == 0 ? candidates.OrderBy(c => c.Id).FirstOrDefault(c => c.Text is { } url && message.ImageUrls.Contains(url)) : null);
        if (match is null)
        {
            return false;
        }

        await messages.SetRemoteIdAsync(session, match.Id, message.MessageId);
        return true;
    }

    /// <summary>Platforms trim, re-wrap lines and collapse spaces; compare on the words alone. Invitation codes are
    /// not stored (only their hash), so a deep link's payload is left out of the comparison.</summary>
    internal static string Normalize(string? text) =>
        string.Join(' ', RedactInviteCodes(text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string RedactInviteCodes(string text) => InvitePayload().Replace(text, "?start=…");

    [System.Text.RegularExpressions.GeneratedRegex(@"\?start=[A-Za-z0-9_-]{8,64}")]
    private static partial System.Text.RegularExpressions.Regex InvitePayload();
}
