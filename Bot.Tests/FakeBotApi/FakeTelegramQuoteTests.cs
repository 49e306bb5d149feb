using Bot.Testing.BotApi;
using Bot.TelegramApi;
using Bot.Tests.Harness;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Tests.FakeBotApi;

/// <summary>Quotes as Telegram carries them: a user's quoting reply arrives with "quote" (text, UTF-16 position,
/// is_manual) beside reply_to_message, and a bot's reply_parameters.quote must be text of the replied message.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramQuoteTests
{
    private const long Staff = FakeTelegramSession.StaffGroup;

    [Fact]
    public async Task QuotingReply_CarriesTheQuoteAtItsUtf16Position_AndTheBridgeReadsIt()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var post = await session.Bot.SendMessage(Staff, "👤 <b>Ana</b>\nIt is a gift\n\n👤 <b>Ana</b>\nIt is a gift, really", parseMode: Telegram.Bot.Types.Enums.ParseMode.Html);
        session.Server.EnqueueQuotingReply(Staff, 5001, "Sam", "Wrapped for free.", post.MessageId, "It is a gift", occurrence: 1);

        var update = Assert.Single(await session.Bot.GetUpdates());

        var message = update.Message!;
        Assert.Equal(post.MessageId, message.ReplyToMessage!.MessageId);
        Assert.Equal(("It is a gift", 28, true), (message.Quote!.Text, message.Quote.Position, message.Quote.IsManual)); // 👤 is two UTF-16 units
        var incoming = UpdateMapper.ToMessage(update)!;
        Assert.Equal(new Bot.Core.Chat.ChatQuote("It is a gift", 28, true), incoming.Quote);
        Assert.Equal("👤 Ana\nIt is a gift\n\n👤 Ana\nIt is a gift, really", incoming.ReplyToText);
    }

    [Fact]
    public async Task PlainReply_CarriesNoQuote()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var post = await session.Bot.SendMessage(Staff, "It is a gift");
        session.Server.EnqueueMessage(Staff, 5001, "Sam", "Noted.", replyToMessageId: post.MessageId);

        var incoming = UpdateMapper.ToMessage(Assert.Single(await session.Bot.GetUpdates()))!;

        Assert.Null(incoming.Quote);
        Assert.Equal(post.MessageId, incoming.ReplyToMessageId);
    }

    [Fact]
    public async Task ABotsQuoteThatIsNotInTheRepliedMessage_IsRefusedWithQuoteTextInvalid()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var question = await session.Bot.SendMessage(Staff, "Is the parcel sent?");

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(
            Staff, "Yes", replyParameters: new ReplyParameters { MessageId = question.MessageId, Quote = "Is the parcel lost?" }));
        var quoted = await session.Bot.SendMessage(
            Staff, "Yes", replyParameters: new ReplyParameters { MessageId = question.MessageId, Quote = "the parcel" });

        Assert.Equal((400, "Bad Request: QUOTE_TEXT_INVALID"), (refused.ErrorCode, refused.Message));
        Assert.Equal(("the parcel", 3), (quoted.Quote!.Text, quoted.Quote.Position));
    }

    [Fact]
    public async Task AQuoteAUserCannotSelect_IsRefusedByTheScript()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var id = session.Server.EnqueueMessage(Staff, 5001, "Sam", "Hello");

        Assert.Throws<ArgumentException>(() => session.Server.EnqueueQuotingReply(Staff, 5002, "Kim", "Hi", id, "Goodbye"));
    }
}
