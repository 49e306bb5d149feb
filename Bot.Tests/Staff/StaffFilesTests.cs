using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.Staff;

namespace Bot.Tests.Staff;

/// <summary>The note staff get for a document the marketplace cannot take, from what the adapter declares.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class StaffFilesTests
{
    private static readonly MarketplaceCapabilities PdfsUpTo5MB = new(1000, Attachments: new(["image/jpeg", "image/png", "application/pdf"], 5 * 1024 * 1024));

    [Fact]
    public void AcceptedTypeWithinTheSize_IsNotRefused_AndAPdfIsKnownByItsNameWhenTelegramGivesNoType()
    {
        Assert.Null(StaffFiles.Refusal(PdfsUpTo5MB, new ChatFile("f1", "invoice.pdf", "application/pdf", 1000)));
        Assert.Null(StaffFiles.Refusal(PdfsUpTo5MB, new ChatFile("f2", "scan.PDF", null, null)));
    }

    [Fact]
    public void WrongType_TooLarge_OrMoreThanABotMayDownload_EachSaysWhy()
    {
        var zip = StaffFiles.Refusal(PdfsUpTo5MB, new ChatFile("f1", "photos.zip", "application/zip", 1000));
        var large = StaffFiles.Refusal(PdfsUpTo5MB, new ChatFile("f2", "scan.pdf", "application/pdf", 6 * 1024 * 1024));
        var huge = StaffFiles.Refusal(PdfsUpTo5MB with { Attachments = new(["application/pdf"], 100 * 1024 * 1024) }, new ChatFile("f3", "big.pdf", "application/pdf", 30L * 1024 * 1024));
        var unnamed = StaffFiles.Refusal(PdfsUpTo5MB, new ChatFile("f4", null, null, 10));

        Assert.Equal("Not sent to the buyer: photos.zip is of type application/zip, and this marketplace takes only JPEG, PNG or PDF files. Nothing of this message was sent.", zip);
        Assert.Contains("scan.pdf has 6 MB, and this marketplace takes files of at most 5 MB.", large, StringComparison.Ordinal);
        Assert.Contains("big.pdf has 30 MB, and a bot can fetch files of at most 20 MB from Telegram.", huge, StringComparison.Ordinal);
        Assert.Contains("file is of no type the bridge can tell", unnamed, StringComparison.Ordinal);
    }

    [Fact]
    public void MarketplaceThatTakesNoFiles_SaysSo()
    {
        var note = StaffFiles.Refusal(new MarketplaceCapabilities(2000, Attachments: MarketplaceAttachments.None), new ChatFile("f1", "a.jpg", "image/jpeg", 10));

        Assert.Contains("this marketplace takes no files, and a.jpg is one.", note, StringComparison.Ordinal);
    }
}
