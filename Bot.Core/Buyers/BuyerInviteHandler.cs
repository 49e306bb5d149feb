using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Buyers;

/// <summary>Posts an invitation into the marketplace conversation, in the buyer's language. The link is rebuilt from
/// the stored nonce at send time; the copy keeps the text with the code left out, which is also how its echo is
/// matched (see <see cref="EchoMatcher"/>).</summary>
public sealed class BuyerInviteHandler(
    IMarketplaceClient marketplace,
    DeliveryRecords records,
    IDbConnectionFactory connections,
    IInviteRepository invites,
    InviteCodes codes,
    IBotIdentity bot,
    BuyerTexts texts,
    StaffFeedback feedback,
    IOptions<BuyerOptions> options) : IDeliveryHandler
{
    public string Kind => OutboxKinds.BuyerInvite;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (_, conversation, copies) = await records.LoadAsync(item, CopyTarget.Marketplace, cancellationToken);
        if (copies.Any(c => c.RemoteMessageId is not null))
        {
            return; // Its echo already came back.
        }

        if (!BuyerLink.IsBuyerId(conversation.BuyerId))
        {
            throw new InvalidOperationException("The conversation has no buyer id, so it cannot be linked to a Telegram user.");
        }

        Invite invite;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            invite = await invites.GetAsync(session, long.Parse(item.Payload ?? "0", CultureInfo.InvariantCulture))
                ?? throw new InvalidOperationException($"Invite of outbox item {item.Id} does not exist.");
        }

        var link = $"https://t.me/{await bot.GetUsernameAsync(cancellationToken)}?start={codes.CodeFor(invite.Nonce)}";
        var days = Math.Max(1, (int)Math.Round(options.Value.InviteTtl.TotalDays));
        var english = $"You can also continue this conversation with {options.Value.StoreName} in Telegram and get our answers there: {link} (the link works once and is valid for {days} days).";
        var text = await texts.InAsync(conversation.BuyerLanguage, english, cancellationToken);
        if (!text.Contains(link, StringComparison.Ordinal))
        {
            text = english; // A translation that mangled the link is worse than English.
        }

        var copy = copies.Count > 0 ? copies[0] : null;
        if (copy is null)
        {
            copy = new MessageCopy { MessageId = item.MessageId ?? 0, Target = CopyTarget.Marketplace, Text = EchoMatcher.RedactInviteCodes(text) };
            await records.AddCopyAsync(copy, cancellationToken);
        }

        await marketplace.SendAsync(new MarketplaceOutgoing(conversation.ExternalId, conversation.Kind, conversation.BuyerId, text, conversation.ReplyContext), cancellationToken);
    }

    public Task OnDeliveredAsync(DbSession session, OutboxItem item) =>
        feedback.EnqueueAsync(session, item, ChatReactions.Delivered, Html.Escape($"Invitation posted to the buyer. The link works once and expires in {options.Value.InviteTtl.TotalDays:0} days; /revoke withdraws it."));

    public Task OnDeadAsync(DbSession session, OutboxItem item, string reason) =>
        feedback.EnqueueAsync(session, item, ChatReactions.Failed, $"⚠️ The invitation could not be posted: {StaffFeedback.Reason(reason)}");
}
