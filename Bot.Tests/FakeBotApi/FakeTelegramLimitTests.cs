using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

/// <summary>Telegram's size limits, counted as Telegram counts them: text and captions in UTF-16 code units after
/// entity parsing, callback data in bytes, topic names 1–128.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramLimitTests
{
    private const long Staff = FakeTelegramSession.StaffGroup;
    private const long Customer = FakeTelegramSession.Customer;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];

    [Fact]
    public async Task SendMessage_EmojiCountTwiceEach_Over4096CodeUnitsIsTooLong()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var fits = string.Concat(Enumerable.Repeat("😀", 2048)); // 4096 UTF-16 code units
        var tooLong = fits + "😀";

        await session.Bot.SendMessage(Customer, fits);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, tooLong));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
        Assert.Single(session.Server.SentTo(Customer));
    }

    [Fact]
    public async Task SendPhoto_CaptionCountedAfterEntityParsing()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var fits = "<b>" + new string('c', 1000) + "</b><i>" + string.Concat(Enumerable.Repeat("&amp;", 24)) + "</i>"; // 1024 visible
        await using var first = new MemoryStream(Jpeg);
        await using var second = new MemoryStream(Jpeg);

        var sent = await session.Bot.SendPhoto(Customer, InputFile.FromStream(first, "a.jpg"), fits, ParseMode.Html);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SendPhoto(Customer, InputFile.FromStream(second, "b.jpg"), fits.Replace("</i>", "&amp;</i>", StringComparison.Ordinal), ParseMode.Html));

        Assert.Equal(1024, sent.Caption!.Length);
        Assert.Equal("Bad Request: message caption is too long", error.Message);
    }

    [Fact]
    public async Task InlineButton_CallbackDataOver64Bytes_ButtonDataInvalid()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var fits = new string('d', 64);
        var tooLong = new string('é', 33); // 33 characters, 66 bytes

        await session.Bot.SendMessage(Customer, "ok", replyMarkup: InlineKeyboardButton.WithCallbackData("Yes", fits));
        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SendMessage(Customer, "no", replyMarkup: InlineKeyboardButton.WithCallbackData("Yes", tooLong)));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
        Assert.Single(session.Server.SentTo(Customer));
    }

    [Fact]
    public async Task CreateForumTopic_128CharactersFit_EditTo129IsRefused()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var topic = await session.Bot.CreateForumTopic(Staff, new string('n', 128));
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.EditForumTopic(Staff, topic.MessageThreadId, new string('m', 129)));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal(new string('n', 128), Assert.Single(session.Server.Topics(Staff)).Name);
    }

    [Fact]
    public async Task SendPhoto_IntoUnknownThread_MessageThreadNotFound()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        await using var stream = new MemoryStream(Jpeg);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SendPhoto(Staff, InputFile.FromStream(stream, "p.jpg"), messageThreadId: 777));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message thread not found", error.Message);
        Assert.Empty(session.Server.SentTo(Staff));
    }
}
