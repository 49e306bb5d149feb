using System.Net;
using System.Text.Json.Nodes;
using Bot.Testing.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramServerTests
{
    [Fact]
    public async Task GetMe_ReturnsTheBot()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var me = await session.Bot.GetMe();

        Assert.Equal(session.Server.BotUserId, me.Id);
        Assert.Equal(session.Server.BotUsername, me.Username);
        Assert.True(me.IsBot);
        Assert.StartsWith("http://127.0.0.1:", session.Server.BaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongToken_IsUnauthorized()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("999:WRONG-token", session.Server.BaseUrl) { RetryCount = 0 }, session.Http);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
    }

    [Fact]
    public async Task UnknownMethod_IsNotFound_WithBotApiErrorBody()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        using var response = await session.Http.PostAsync($"{session.Server.BaseUrl}/bot{session.Server.Token}/fooBar", null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(404, body["error_code"]!.GetValue<int>());
        Assert.Equal("Not Found", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task RawReply_UsesSnakeCaseAndUnixSeconds()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var url = $"{session.Server.BaseUrl}/bot{session.Server.Token}/sendMessage?chat_id={FakeTelegramSession.Customer}&text=hi";

        using var response = await session.Http.GetAsync(url);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!;

        var date = result["date"]!.GetValue<long>();
        Assert.InRange(date, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Equal(1, result["message_id"]!.GetValue<int>());
        Assert.Null(result["message_thread_id"]);
    }

    [Fact]
    public async Task GetChat_Supergroup_IsForum_AndBotMayManageTopics()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var chat = await session.Bot.GetChat(FakeTelegramSession.StaffGroup);
        var member = await session.Bot.GetChatMember(FakeTelegramSession.StaffGroup, session.Server.BotUserId);

        Assert.Equal(ChatType.Supergroup, chat.Type);
        Assert.True(chat.IsForum);
        Assert.Equal("Staff", chat.Title);
        var admin = Assert.IsType<ChatMemberAdministrator>(member);
        Assert.True(admin.CanManageTopics);
    }

    [Fact]
    public async Task GetChatMember_BotWithoutAdminRights_IsMember()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.AddSupergroup(-1002000000002, "Plain", forum: false, botIsAdmin: false);

        var member = await session.Bot.GetChatMember(-1002000000002, session.Server.BotUserId);
        var chat = await session.Bot.GetChat(-1002000000002);

        Assert.IsType<ChatMemberMember>(member);
        Assert.False(chat.IsForum);
    }

    [Fact]
    public async Task UnknownChat_IsChatNotFound()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var send = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(-100999, "hello"));
        var get = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.GetChat(-100999));

        Assert.Equal(400, send.ErrorCode);
        Assert.Equal("Bad Request: chat not found", send.Message);
        Assert.Equal("Bad Request: chat not found", get.Message);
    }

    [Fact]
    public async Task SendMessage_IntoTopic_IsTopicMessage_AndRecorded()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(FakeTelegramSession.StaffGroup, "Order 42");

        var sent = await session.Bot.SendMessage(FakeTelegramSession.StaffGroup, "<b>Hi</b> &amp; welcome", ParseMode.Html, messageThreadId: topic.MessageThreadId);

        Assert.Equal(topic.MessageThreadId, sent.MessageThreadId);
        Assert.True(sent.IsTopicMessage);
        Assert.Equal(session.Server.BotUserId, sent.From!.Id);
        Assert.Equal("Hi & welcome", sent.Text);
        Assert.True(sent.Id > topic.MessageThreadId);
        var recorded = Assert.Single(session.Server.SentTo(FakeTelegramSession.StaffGroup, topic.MessageThreadId));
        Assert.Equal("<b>Hi</b> &amp; welcome", recorded.Text);
        Assert.Equal("Hi & welcome", recorded.VisibleText);
        Assert.Equal(sent.Id, recorded.MessageId);
    }

    [Fact]
    public async Task SendMessage_WithReplyAndKeyboard_StoresBoth()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var userMessage = session.Server.EnqueueMessage(FakeTelegramSession.Customer, FakeTelegramSession.Customer, "Ann", "Where is my parcel?");
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Answered", "done:42"));

        var sent = await session.Bot.SendMessage(
            FakeTelegramSession.Customer, "On its way", replyParameters: new ReplyParameters { MessageId = userMessage }, replyMarkup: keyboard);

        Assert.Equal(userMessage, sent.ReplyToMessage!.Id);
        Assert.Equal("Where is my parcel?", sent.ReplyToMessage.Text);
        Assert.Equal("done:42", sent.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        var recorded = Assert.Single(session.Server.SentTo(FakeTelegramSession.Customer));
        Assert.Equal(userMessage, recorded.ReplyToMessageId);
        Assert.Equal(new SentButton("Answered", "done:42", null), Assert.Single(recorded.Buttons));
    }

    [Fact]
    public async Task SendMessage_ReplyToUnknownMessage_Fails()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SendMessage(FakeTelegramSession.Customer, "x", replyParameters: new ReplyParameters { MessageId = 77 }));

        Assert.Equal("Bad Request: message to be replied not found", error.Message);
    }

    [Fact]
    public async Task SetMessageReaction_IsRecorded_UnknownMessageFails()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var messageId = session.Server.EnqueueMessage(FakeTelegramSession.Customer, FakeTelegramSession.Customer, "Ann", "Thanks!");

        await session.Bot.SetMessageReaction(FakeTelegramSession.Customer, messageId, [new ReactionTypeEmoji { Emoji = "👍" }]);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SetMessageReaction(FakeTelegramSession.Customer, 999, [new ReactionTypeEmoji { Emoji = "👍" }]));

        Assert.Equal(["👍"], session.Server.Reactions(FakeTelegramSession.Customer, messageId));
        Assert.Equal("Bad Request: message to react not found", error.Message);
    }

    [Fact]
    public async Task EditMessageText_ChangesText_SameContentIsNotModified()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var sent = await session.Bot.SendMessage(FakeTelegramSession.Customer, "draft");

        var edited = await session.Bot.EditMessageText(FakeTelegramSession.Customer, sent.Id, "final");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.EditMessageText(FakeTelegramSession.Customer, sent.Id, "final"));

        Assert.Equal("final", edited.Text);
        Assert.NotNull(edited.EditDate);
        Assert.StartsWith("Bad Request: message is not modified", error.Message, StringComparison.Ordinal);
        Assert.Equal("final", Assert.Single(session.Server.SentTo(FakeTelegramSession.Customer)).Text);
    }

    [Fact]
    public async Task RequestLog_HasMethodChatAndStatus()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        await session.Bot.SendMessage(FakeTelegramSession.Customer, "one");
        await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(-100999, "two"));

        var calls = session.Server.Requests.Where(c => c.Method == "sendMessage").ToList();

        Assert.Equal(2, session.Server.CallCount("sendMessage"));
        Assert.Equal([(FakeTelegramSession.Customer, 200), (-100999L, 400)], calls.Select(c => (c.ChatId!.Value, c.StatusCode)));
    }
}
