using Telegram.Bot;
using Telegram.Bot.Exceptions;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramTopicsTests
{
    private const long Staff = FakeTelegramSession.StaffGroup;

    [Fact]
    public async Task CreateForumTopic_ReturnsTopic_AndIsListed()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var topic = await session.Bot.CreateForumTopic(Staff, "Order 1001 · Ann");

        Assert.Equal("Order 1001 · Ann", topic.Name);
        Assert.True(topic.MessageThreadId > 0);
        var listed = Assert.Single(session.Server.Topics(Staff));
        Assert.Equal((topic.MessageThreadId, false, false), (listed.ThreadId, listed.IsClosed, listed.IsDeleted));
    }

    [Fact]
    public async Task SendIntoDeletedTopic_MessageThreadNotFound_RecreatedTopicWorks()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 1");
        session.Server.DeleteTopic(Staff, topic.MessageThreadId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Staff, "hi", messageThreadId: topic.MessageThreadId));
        var recreated = await session.Bot.CreateForumTopic(Staff, "Order 1");
        var sent = await session.Bot.SendMessage(Staff, "hi", messageThreadId: recreated.MessageThreadId);

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message thread not found", error.Message);
        Assert.NotEqual(topic.MessageThreadId, recreated.MessageThreadId);
        Assert.Equal(recreated.MessageThreadId, sent.MessageThreadId);
    }

    [Fact]
    public async Task SendIntoUnknownThread_MessageThreadNotFound()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Staff, "hi", messageThreadId: 4242));

        Assert.Equal("Bad Request: message thread not found", error.Message);
    }

    [Fact]
    public async Task SendIntoClosedTopic_TopicClosed_UntilReopened()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 2");
        session.Server.CloseTopic(Staff, topic.MessageThreadId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Staff, "hi", messageThreadId: topic.MessageThreadId));
        await session.Bot.ReopenForumTopic(Staff, topic.MessageThreadId);
        var sent = await session.Bot.SendMessage(Staff, "hi", messageThreadId: topic.MessageThreadId);

        Assert.Equal("Bad Request: TOPIC_CLOSED", error.Message);
        Assert.Equal(topic.MessageThreadId, sent.MessageThreadId);
    }

    [Fact]
    public async Task ReopenOpenTopic_TopicNotModified()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 3");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.ReopenForumTopic(Staff, topic.MessageThreadId));
        await session.Bot.CloseForumTopic(Staff, topic.MessageThreadId);

        Assert.Equal("Bad Request: TOPIC_NOT_MODIFIED", error.Message);
        Assert.True(Assert.Single(session.Server.Topics(Staff)).IsClosed);
    }

    [Fact]
    public async Task EditAndDeleteForumTopic_ChangeTheTopic()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 4");

        await session.Bot.EditForumTopic(Staff, topic.MessageThreadId, "Order 4 · done");
        await session.Bot.DeleteForumTopic(Staff, topic.MessageThreadId);

        var info = Assert.Single(session.Server.Topics(Staff));
        Assert.Equal(("Order 4 · done", true), (info.Name, info.IsDeleted));
    }

    [Fact]
    public async Task CreateForumTopic_InPlainGroup_IsNotAForum()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.AddSupergroup(-1003000000003, "Plain", forum: false);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.CreateForumTopic(-1003000000003, "x"));

        Assert.Equal("Bad Request: the chat is not a forum", error.Message);
    }

    [Fact]
    public async Task CreateForumTopic_WithoutRights_NotEnoughRights()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.AddSupergroup(-1004000000004, "No rights", canManageTopics: false);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.CreateForumTopic(-1004000000004, "x"));

        Assert.Equal("Bad Request: not enough rights to create a topic", error.Message);
        Assert.Empty(session.Server.Topics(-1004000000004));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    public async Task CreateForumTopic_NameOutsideOneTo128_IsRejected(int length)
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.CreateForumTopic(Staff, new string('n', length)));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: TOPIC_TITLE_", error.Message, StringComparison.Ordinal);
        Assert.Empty(session.Server.Topics(Staff));
    }
}
