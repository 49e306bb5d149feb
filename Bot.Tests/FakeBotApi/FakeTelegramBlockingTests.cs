using Bot.Testing.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

/// <summary>The fake refuses what Telegram refuses in private chats: a bot the user blocked, a topic the user deleted.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramBlockingTests
{
    private const long Customer = FakeTelegramSession.Customer;

    [Fact]
    public async Task SendToUserWhoBlockedTheBot_IsForbidden_UntilTheUserWritesAgain()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.BlockBot(Customer);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "hello"));
        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Empty(session.Server.SentTo(Customer));
        await session.Bot.SendMessage(FakeTelegramSession.StaffGroup, "staff still works");

        session.Server.EnqueueMessage(Customer, Customer, "Ann", "/start");
        var sent = await session.Bot.SendMessage(Customer, "welcome back");
        Assert.Equal("welcome back", sent.Text);
    }

    [Fact]
    public async Task CreateTopicForUserWhoBlockedTheBot_IsForbidden()
    {
        await using var session = await FakeTelegramSession.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false, PrivateChatTopics = true });
        session.Server.BlockBot(Customer);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.CreateForumTopic(Customer, "Order 1"));

        Assert.Equal(403, error.ErrorCode);
        session.Server.UnblockBot(Customer);
        Assert.True((await session.Bot.CreateForumTopic(Customer, "Order 1")).MessageThreadId > 0);
    }

    [Fact]
    public async Task SendIntoPrivateTopicTheUserDeleted_MessageThreadNotFound()
    {
        await using var session = await FakeTelegramSession.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false, PrivateChatTopics = true });
        var topic = await session.Bot.CreateForumTopic(Customer, "Order 1");
        session.Server.DeleteTopic(Customer, topic.MessageThreadId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "hi", messageThreadId: topic.MessageThreadId));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message thread not found", error.Message);
    }
}
