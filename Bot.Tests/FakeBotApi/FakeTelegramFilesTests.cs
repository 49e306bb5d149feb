using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramFilesTests
{
    private const long Staff = FakeTelegramSession.StaffGroup;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 0xFF, 0xD9];

    [Fact]
    public async Task SendPhoto_Multipart_RecordsBytesAndCaption()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 5");
        await using var stream = new MemoryStream(Jpeg);

        var sent = await session.Bot.SendPhoto(
            Staff,
            InputFile.FromStream(stream, "damage.jpg"),
            "<b>Damaged</b> box",
            ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Refund", "refund:5")),
            messageThreadId: topic.MessageThreadId);

        Assert.Equal("Damaged box", sent.Caption);
        Assert.Equal(topic.MessageThreadId, sent.MessageThreadId);
        Assert.NotEmpty(sent.Photo!);
        var recorded = Assert.Single(session.Server.SentTo(Staff, topic.MessageThreadId));
        Assert.Equal(Jpeg, recorded.Photo);
        Assert.Equal("<b>Damaged</b> box", recorded.Caption);
        Assert.Equal("refund:5", Assert.Single(recorded.Buttons).CallbackData);
    }

    [Fact]
    public async Task UploadedPhoto_CanBeFetchedAndDownloaded()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        await using var stream = new MemoryStream(Jpeg);
        var sent = await session.Bot.SendPhoto(FakeTelegramSession.Customer, InputFile.FromStream(stream, "p.jpg"));

        var file = await session.Bot.GetFile(sent.Photo!.Last().FileId);
        using var downloaded = new MemoryStream();
        await session.Bot.DownloadFile(file.FilePath!, downloaded);

        Assert.Equal(Jpeg.Length, file.FileSize);
        Assert.Equal(Jpeg, downloaded.ToArray());
    }

    [Fact]
    public async Task RegisteredFile_GetInfoAndDownload()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var fileId = session.Server.RegisterFile([9, 8, 7]);

        using var downloaded = new MemoryStream();
        var file = await session.Bot.GetInfoAndDownloadFile(fileId, downloaded);

        Assert.Equal(fileId, file.FileId);
        Assert.Equal([9, 8, 7], downloaded.ToArray());
    }

    [Fact]
    public async Task GetFile_UnknownId_IsBadRequest()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.GetFile("nope"));

        Assert.Equal("Bad Request: invalid file_id", error.Message);
    }

    [Fact]
    public async Task SendPhoto_ByFileIdOrUrl_IsAccepted()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var fileId = session.Server.RegisterFile(Jpeg);

        await session.Bot.SendPhoto(FakeTelegramSession.Customer, InputFile.FromFileId(fileId));
        await session.Bot.SendPhoto(FakeTelegramSession.Customer, InputFile.FromUri("https://example.com/a.jpg"));

        Assert.Equal(Jpeg, session.Server.SentTo(FakeTelegramSession.Customer)[0].Photo);
        Assert.Equal(2, session.Server.SentTo(FakeTelegramSession.Customer).Count);
    }

    [Fact]
    public async Task SendPhoto_CaptionOver1024_IsTooLong()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        await using var stream = new MemoryStream(Jpeg);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SendPhoto(FakeTelegramSession.Customer, InputFile.FromStream(stream, "p.jpg"), new string('c', 1025)));

        Assert.Equal("Bad Request: message caption is too long", error.Message);
        Assert.Empty(session.Server.SentTo(FakeTelegramSession.Customer));
    }
}
