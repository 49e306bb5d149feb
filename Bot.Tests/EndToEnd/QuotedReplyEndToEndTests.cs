using System.Text;
using System.Text.RegularExpressions;
using Bot.Core.Export;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.BotApi;

namespace Bot.Tests.EndToEnd;

/// <summary>Staff replying to one buyer message among several that reached them merged in one Telegram message: the
/// reply is recorded against the part its quote falls in (the last part without a quote), the transcript says what it
/// answers, edits keep each message's record apart, and a linked buyer sees the reply threaded to their own message.</summary>
public sealed partial class QuotedReplyEndToEndTests : StaffGroupTests
{
    private const string Order = "97102";
    private const long Buyer = 424243;
    private static readonly string[] Texts = ["Hello, is the parcel sent?", "It is a gift, is the parcel insured?", "My address changed"];

    protected override Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync(
        new Dictionary<string, string?> { ["Relay:MaxRetryDelay"] = "00:00:01" }, arrange: t => t.AddPrivateChat(Buyer, "Ana"));

    /// <summary>Three buyer messages of a new order: they reach staff in one message, under the order card.</summary>
    private async Task<(int Topic, SentMessage Merged)> MergedAsync()
    {
        foreach (var text in Texts)
        {
            Marketplace.AddBuyerMessage(Order, text);
        }

        var topic = await Rig.TopicOfAsync(Order);
        var merged = await Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.VisibleText?.Contains(Texts[2], StringComparison.Ordinal) == true), Timeout);
        Assert.All(Texts, t => Assert.Contains(t, merged.VisibleText));
        // The send is answered before its parts' copies are stored (one transaction after it): a reply handled in
        // between would find no part to answer, which no person replying can cause but a test can.
        await Eventually.TrueAsync(async () => await CopyOfAsync(merged.MessageId) is not null, Timeout);
        return (topic, merged);
    }

    private async Task<long?> CopyOfAsync(int messageId)
    {
        await using var session = await DbSession.ReadAsync(Bridge.Get<IDbConnectionFactory>(), CancellationToken.None);
        return await Bridge.Get<IMessageRepository>().FindByTelegramCopyAsync(session, Staff, messageId);
    }

    private async Task<Transcript> TranscriptAsync() => (await Bridge.Get<TranscriptReader>().ReadByExternalIdAsync(Order, CancellationToken.None))!;

    private static TranscriptEntry Entry(Transcript transcript, string original) => Assert.Single(transcript.Entries, e => e.Original == original);

    [Fact]
    public async Task QuotingPartTwoOfAThreePartMergedMessage_AnswersMessageTwo_AndTheExportSaysSo()
    {
        var (topic, merged) = await MergedAsync();

        // "is the parcel" stands in parts 1 and 2: the quote's position, not its words, says which one staff meant.
        Telegram.EnqueueQuotingReply(Staff, StaffUser, "Sam", "Yes, insured and gift-wrapped.", merged.MessageId, "is the parcel", occurrence: 1);
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.Text == "Yes, insured and gift-wrapped."), Timeout);

        var transcript = await TranscriptAsync();
        var answered = Entry(transcript, Texts[1]);
        Assert.Equal(answered.Id, Entry(transcript, "Yes, insured and gift-wrapped.").InReplyTo?.MessageId);
        Assert.All(Texts, t => Assert.Null(Entry(transcript, t).InReplyTo));

        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "/export", threadId: topic);
        var page = await Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.DocumentName?.EndsWith(".html", StringComparison.Ordinal) == true), Timeout);
        var html = Encoding.UTF8.GetString(page.Document!);
        Assert.Contains($"<a href=\"#m{answered.Id}\">in reply to {TranscriptTimes.Utc(answered.At)} “{Texts[1]}”</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyWithoutAQuoteToAMergedMessage_AnswersItsLastPart()
    {
        var (_, merged) = await MergedAsync();

        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Noted, we will update it.", replyToMessageId: merged.MessageId);
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.Text == "Noted, we will update it."), Timeout);

        var transcript = await TranscriptAsync();
        Assert.Equal(Entry(transcript, Texts[2]).Id, Entry(transcript, "Noted, we will update it.").InReplyTo?.MessageId);
    }

    [Fact]
    public async Task EditingAStaffReplyToOnePart_ChangesOnlyThatStaffMessagesRecord()
    {
        var (topic, merged) = await MergedAsync();
        // The marketplace is down: a first message keeps failing at the head of the conversation's lane, and the replies
        // behind it wait there, not yet tried, so their edits still count.
        Marketplace.SendOutage = new MarketplaceException(MarketplaceErrorKind.Transient, "502 Bad Gateway");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "One moment, please.", threadId: topic);
        var first = Telegram.EnqueueQuotingReply(Staff, StaffUser, "Sam", "It is insured.", merged.MessageId, "insured");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Send us the new address, please.", replyToMessageId: merged.MessageId);
        var before = await Eventually.ValueAsync(
            async () => await TranscriptAsync() is { } t && t.Entries.Any(e => e.Original == "Send us the new address, please.") ? t : null, Timeout);
        var edited = Entry(before, "It is insured.");

        Telegram.EditUserMessage(Staff, first, "It is insured for its full price.");
        await Eventually.TrueAsync(async () => (await TranscriptAsync()).Entries.Any(e => e.Original == "It is insured for its full price."), Timeout);

        var after = await TranscriptAsync();
        var reply = Assert.Single(after.Entries, e => e.Id == edited.Id);
        Assert.Equal("It is insured for its full price.", reply.Original);
        Assert.Equal(Entry(after, Texts[1]).Id, reply.InReplyTo?.MessageId);
        var others = after.Entries.Where(e => e.Id != edited.Id).Select(e => (e.Id, e.Original, e.InReplyTo?.MessageId));
        Assert.Equal(before.Entries.Where(e => e.Id != edited.Id).Select(e => (e.Id, e.Original, e.InReplyTo?.MessageId)), others);
        Assert.Equal(Entry(after, Texts[2]).Id, Entry(after, "Send us the new address, please.").InReplyTo?.MessageId);

        Marketplace.SendOutage = null;
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.Text == "It is insured for its full price."), Timeout);
        Assert.DoesNotContain(Marketplace.Sent, s => s.Text == "It is insured.");
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("the marketplace gets the edited text", StringComparison.Ordinal) == true), Timeout);
    }

    [Fact]
    public async Task StaffReplyToALinkedBuyersOwnMessage_ReachesTheBuyerAsATelegramReplyToIt_AndTheBuyersEditChangesNoRecord()
    {
        Marketplace.AddBuyerMessage(Order, "Hello");
        var topic = await Rig.TopicOfAsync(Order);
        var card = await Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.Buttons.Any(b => b.CallbackData == "invite")), Timeout);
        Telegram.EnqueueCallback(Staff, card.MessageId, StaffUser, "invite");
        var invitation = await Eventually.ValueAsync(() => Marketplace.Sent.FirstOrDefault(s => Code().IsMatch(s.Text)), Timeout);
        Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + Code().Match(invitation.Text).Groups[1].Value);
        await Eventually.TrueAsync(() => Telegram.SentTo(Buyer).Any(m => m.VisibleText?.Contains("connected", StringComparison.Ordinal) == true), Timeout);

        var own = Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "Can you ship it today?");
        var post = await Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.VisibleText?.Contains("Can you ship it today?", StringComparison.Ordinal) == true), Timeout);
        // As in MergedAsync: the post's copy is stored just after its send is answered; a reply handled before that
        // would find nothing to answer (no person replies that fast, a test can).
        await Eventually.TrueAsync(async () => await CopyOfAsync(post.MessageId) is not null, Timeout);
        // The buyer edits it: no edit is taken in from a buyer (updates are handled in order, so this one is, before the reply).
        Telegram.EditUserMessage(Buyer, own, "Can you ship it tomorrow instead?");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Yes, it leaves at five.", replyToMessageId: post.MessageId);
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Anything else?", threadId: topic);

        var reply = await Eventually.ValueAsync(() => Telegram.SentTo(Buyer).FirstOrDefault(m => m.VisibleText?.Contains("Yes, it leaves at five.", StringComparison.Ordinal) == true), Timeout);
        Assert.Equal(own, reply.ReplyToMessageId);
        var plain = await Eventually.ValueAsync(() => Telegram.SentTo(Buyer).FirstOrDefault(m => m.VisibleText?.Contains("Anything else?", StringComparison.Ordinal) == true), Timeout);
        Assert.Null(plain.ReplyToMessageId); // a message that answers nothing in particular is not threaded
        var transcript = await TranscriptAsync();
        Assert.Equal(Entry(transcript, "Can you ship it today?").Id, Entry(transcript, "Yes, it leaves at five.").InReplyTo?.MessageId);
        Assert.DoesNotContain(transcript.Entries, e => e.Original.Contains("tomorrow", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
