using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Relay;

/// <summary>Recognises the bridge's own marketplace posts when the poller brings them back. The marketplace gives
/// no id when we post (aliexpress.md), so a seller-side message is an echo when it has the text of a post this
/// bridge made in the same conversation within the echo window and not yet matched.</summary>
public sealed class EchoMatcher(MessageRepository messages, TimeProvider time, IOptions<RelayOptions> options)
{
    public async Task<bool> TryMatchAsync(DbSession session, long conversationId, MarketplaceMessage message)
    {
        var since = time.GetUtcNow() - options.Value.EchoWindow;
        var candidates = await messages.GetEchoCandidatesAsync(session, conversationId, since);
        var text = Normalize(message.Text);
        // Oldest first: two identical replies sent in a row match their echoes in order.
        var match = candidates.OrderBy(c => c.Id).FirstOrDefault(c => Normalize(c.Text) == text);
        if (match is null)
        {
            return false;
        }

        await messages.SetRemoteIdAsync(session, match.Id, message.MessageId);
        return true;
    }

    /// <summary>Platforms trim, re-wrap lines and collapse spaces; compare on the words alone.</summary>
    internal static string Normalize(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
