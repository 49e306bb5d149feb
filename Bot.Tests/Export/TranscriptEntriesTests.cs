using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Export;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;

namespace Bot.Tests.Export;

/// <summary>How a stored message and its copies read in a transcript: the delivery states a host test cannot hold still
/// (waiting, nothing recorded), a staff photo, and a reply that went out untranslated.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TranscriptEntriesTests
{
    private const long StaffChat = -100500;
    private static readonly Conversation Order = new(1, "aliexpress", "store", ConversationKind.Order, "9001", "b-1", "Ana", "ru", null, null);
    private static readonly StaffChatOptions Staff = new() { StaffChatId = StaffChat };

    [Fact]
    public void StaffReplyStillQueued_IsMarkedWaiting_AndOneWithNothingRecorded_IsNotCalledDelivered()
    {
        var waiting = TranscriptEntries.Of(StaffReply("Soon."), Order, [], new SendState { MessageId = 5, Status = "pending" }, Staff);
        var unknown = TranscriptEntries.Of(StaffReply("Soon."), Order, [], null, Staff);

        Assert.Equal(DeliveryState.Pending, waiting.Delivery);
        Assert.Equal("Waiting for delivery: not on the marketplace yet", TranscriptFacts.DeliveryLabel(waiting));
        Assert.Equal(DeliveryState.Unknown, unknown.Delivery);
    }

    [Fact]
    public void StaffPhoto_IsLinkedOnceUploaded_AndNotedWhileItStayedInTelegram()
    {
        var photo = StaffReply("");
        photo.SourceFileId = "file-1";
        var uploaded = Post(0, "https://ae01.example/photo.jpg", MarketplaceSendHandler.ImageCopy, accepted: true);

        var sent = TranscriptEntries.Of(photo, Order, [uploaded], new SendState { MessageId = 5, Status = "done" }, Staff);
        var kept = TranscriptEntries.Of(photo, Order, [], new SendState { MessageId = 5, Status = "dead", LastError = "image too large" }, Staff);

        Assert.Equal(["https://ae01.example/photo.jpg"], sent.Images);
        Assert.Equal(DeliveryState.Delivered, sent.Delivery);
        Assert.Empty(kept.Images);
        Assert.Contains("did not reach the marketplace", Assert.Single(kept.Notes), StringComparison.Ordinal);
        Assert.Equal("NOT DELIVERED to the marketplace: image too large", TranscriptFacts.DeliveryLabel(kept));
    }

    [Fact]
    public void FilesEitherWay_AreNamedInTheRecord()
    {
        var staffPdf = StaffReply("");
        (staffPdf.SourceFileId, staffPdf.SourceFileName, staffPdf.SourceFileType) = ("file-2", "invoice.pdf", "application/pdf");
        var buyerPdf = new StoredMessage
        {
            Id = 6, ConversationId = 1, Origin = MessageOrigin.Marketplace, Role = AuthorRole.Buyer, Text = "My receipt",
            FilesJson = """[{"Url":"https://wb.example/download/1","Name":"receipt.pdf","ContentType":"application/pdf","Size":100}]""",
        };

        var sent = TranscriptEntries.Of(staffPdf, Order, [Post(0, "upload-ref", MarketplaceSendHandler.ImageCopy, accepted: true)], null, Staff);
        var kept = TranscriptEntries.Of(staffPdf, Order, [], null, Staff);
        var received = TranscriptEntries.Of(buyerPdf, Order, [], null, Staff);

        Assert.Equal("A file sent in Telegram: invoice.pdf.", Assert.Single(sent.Notes));
        Assert.Empty(sent.Images); // not a picture to show
        Assert.Equal("A file sent in Telegram: invoice.pdf that did not reach the marketplace.", Assert.Single(kept.Notes));
        Assert.Equal("A file from the marketplace: receipt.pdf.", Assert.Single(received.Notes));
    }

    [Fact]
    public void StaffReplySentUntranslated_ShowsWhatTheBuyerGot_WithANote()
    {
        var text = UntranslatedNote.For("ru") + "\n\nSoon.";
        var entry = TranscriptEntries.Of(StaffReply("Soon."), Order, [Post(0, text, null, accepted: true)], null, Staff);

        Assert.Equal(text, entry.Translation);
        Assert.Equal("Sent untranslated: the translator was unavailable.", entry.TranslationNote);
        Assert.Equal("Staff (Sam)", entry.Author);
        Assert.Equal("Telegram → order comments", entry.Channel);
    }

    [Fact]
    public void BuyerMessageShownInASecondStaffGroup_ReadsWithTheTranslationStaffSawThere_NotAsUntranslated()
    {
        const long SecondGroup = -100600;
        var staff = new StaffChatOptions { StaffChatId = StaffChat, StaffChatIds = [SecondGroup] };
        var buyer = new StoredMessage
        {
            Id = 6, ConversationId = 1, Origin = MessageOrigin.Marketplace, Role = AuthorRole.Buyer, Text = "Где мой заказ?", Language = "ru",
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        MessageCopy shown = new() { MessageId = 6, Target = CopyTarget.Telegram, ChatId = SecondGroup, TopicId = 3, Text = "Where is my order?", Language = "en" };
        MessageCopy elsewhere = new() { MessageId = 6, Target = CopyTarget.Telegram, ChatId = 12345, Text = "Где мой заказ?", Language = "ru" };

        var entry = TranscriptEntries.Of(buyer, Order, [elsewhere, shown], null, staff);

        Assert.Equal(("Where is my order?", "en"), (entry.Translation, entry.TranslationLanguage));
        Assert.Null(entry.TranslationNote);
    }

    [Fact]
    public void AcknowledgmentTheBridgeSentByItself_ReadsAsAutomatic_NotAsTheSellerCenter()
    {
        var acknowledgment = new StoredMessage
        {
            Id = 7, ConversationId = 1, Origin = MessageOrigin.Telegram, Role = AuthorRole.Seller, AuthorName = "off-hours acknowledgment",
            Text = "Thank you! We answer on Monday 09:00.", CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var entry = TranscriptEntries.Of(acknowledgment, Order, [Post(0, acknowledgment.Text, null, accepted: true)], new SendState { MessageId = 7, Status = "done" }, Staff);

        Assert.Equal("Automatic (off-hours acknowledgment)", entry.Author);
        Assert.Equal("Bridge → order comments", entry.Channel);
        Assert.Equal(DeliveryState.Delivered, entry.Delivery);
    }

    private static StoredMessage StaffReply(string text) => new()
    {
        Id = 5, ConversationId = 1, Origin = MessageOrigin.Telegram, Role = AuthorRole.Staff, AuthorName = "Sam", Text = text,
        SourceChatId = StaffChat, SourceMessageId = 77, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static MessageCopy Post(int part, string text, string? provider, bool accepted) => new()
    {
        MessageId = 5, Target = CopyTarget.Marketplace, Part = part, Text = text, Provider = provider,
        AcceptedAt = accepted ? DateTimeOffset.UnixEpoch : null,
    };
}
