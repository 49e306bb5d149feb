using Bot.Testing;
using Bot.Testing.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramUpdatesTests
{
    private const long Customer = FakeTelegramSession.Customer;
    private const long Staff = FakeTelegramSession.StaffGroup;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GetUpdates_WithoutLargerOffset_ReturnsUnconfirmedAgain_OffsetConfirms()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.EnqueueMessage(Customer, Customer, "Ann", "first");
        session.Server.EnqueueMessage(Customer, Customer, "Ann", "second");

        var first = await session.Bot.GetUpdates();
        var again = await session.Bot.GetUpdates();
        var afterFirst = await session.Bot.GetUpdates(offset: first[0].Id + 1);
        var afterAll = await session.Bot.GetUpdates(offset: first[1].Id + 1);

        Assert.Equal(["first", "second"], first.Select(u => u.Message!.Text));
        Assert.True(first[1].Id > first[0].Id);
        Assert.Equal(first.Select(u => u.Id), again.Select(u => u.Id));
        Assert.Equal(["second"], afterFirst.Select(u => u.Message!.Text));
        Assert.Empty(afterAll);
        Assert.Equal(0, session.Server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_Limit_ReturnsOldestFirst()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            session.Server.EnqueueMessage(Customer, Customer, "Ann", $"m{i}");
        }

        var updates = await session.Bot.GetUpdates(limit: 2);

        Assert.Equal(["m0", "m1"], updates.Select(u => u.Message!.Text));
    }

    [Fact]
    public async Task LongPolling_ReturnsAsSoonAsAnUpdateIsEnqueued()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var poll = session.Bot.GetUpdates(timeout: 50);
        await Eventually.TrueAsync(() => session.Server.CallCount("getUpdates") == 1, Patience);
        Assert.False(poll.IsCompleted);

        session.Server.EnqueueMessage(Customer, Customer, "Ann", "hello");
        var updates = await poll.WaitAsync(Patience);

        Assert.Equal("hello", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task LongPolling_WithoutUpdates_ReturnsEmptyAfterTimeout()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var updates = await session.Bot.GetUpdates(timeout: 1).WaitAsync(Patience);

        Assert.Empty(updates);
    }

    [Fact]
    public async Task SecondGetUpdates_TerminatesThePendingOne_WithConflict()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var first = session.Bot.GetUpdates(timeout: 50);
        await Eventually.TrueAsync(() => session.Server.CallCount("getUpdates") == 1, Patience);

        var second = await session.Bot.GetUpdates(timeout: 0);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first.WaitAsync(Patience));

        Assert.Empty(second);
        Assert.Equal(409, error.ErrorCode);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopicMessage_CarriesThreadId_AndTopicRootAsReply()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 7");

        session.Server.EnqueueMessage(Staff, 900, "Operator", "Please refund", threadId: topic.MessageThreadId);
        var message = Assert.Single(await session.Bot.GetUpdates()).Message!;

        Assert.Equal(topic.MessageThreadId, message.MessageThreadId);
        Assert.True(message.IsTopicMessage);
        Assert.Equal(topic.MessageThreadId, message.ReplyToMessage!.Id);
        Assert.Equal("Order 7", message.ReplyToMessage.ForumTopicCreated!.Name);
        Assert.Equal(900, message.From!.Id);
    }

    [Fact]
    public async Task ReplyToBotMessage_HasReplyToMessage_AndInheritsTheTopic()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 8");
        var botMessage = await session.Bot.SendMessage(Staff, "Customer asks", messageThreadId: topic.MessageThreadId);

        var replyId = session.Server.EnqueueMessage(Staff, 900, "Operator", "Tell them yes", replyToMessageId: botMessage.Id);
        var message = Assert.Single(await session.Bot.GetUpdates()).Message!;

        Assert.Equal(replyId, message.Id);
        Assert.Equal(botMessage.Id, message.ReplyToMessage!.Id);
        Assert.Equal(session.Server.BotUserId, message.ReplyToMessage.From!.Id);
        Assert.Equal(topic.MessageThreadId, message.MessageThreadId);
    }

    [Fact]
    public async Task PrivateMessage_HasLanguage_StickerAndPhoto()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var photo = session.Server.RegisterFile([1, 2, 3]);

        session.Server.EnqueueMessage(Customer, Customer, "Ann", "Hallo", languageCode: "de");
        session.Server.EnqueueMessage(Customer, Customer, "Ann", null, sticker: true);
        session.Server.EnqueueMessage(Customer, Customer, "Ann", "broken box", photoFileId: photo);
        var messages = (await session.Bot.GetUpdates()).Select(u => u.Message!).ToList();

        Assert.Equal("de", messages[0].From!.LanguageCode);
        Assert.Equal(ChatType.Private, messages[0].Chat.Type);
        Assert.Equal(MessageType.Sticker, messages[1].Type);
        Assert.Equal(photo, messages[2].Photo!.Last().FileId);
        Assert.Equal("broken box", messages[2].Caption);
        Assert.Equal([1, 2, 3], [messages[0].Id, messages[1].Id, messages[2].Id]);
    }

    [Fact]
    public async Task CallbackQuery_IsDelivered_AndAnsweredOnce()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var sent = await session.Bot.SendMessage(Customer, "Rate us");

        var id = session.Server.EnqueueCallback(Customer, sent.Id, Customer, "rate:5");
        var query = Assert.Single(await session.Bot.GetUpdates()).CallbackQuery!;
        await session.Bot.AnswerCallbackQuery(query.Id, "Thanks");
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.AnswerCallbackQuery(query.Id));

        Assert.Equal(id, query.Id);
        Assert.Equal("rate:5", query.Data);
        Assert.Equal(sent.Id, query.Message!.Id);
        Assert.Equal("Thanks", Assert.Single(session.Server.CallbackAnswers).Text);
        Assert.StartsWith("Bad Request: query is too old", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawUpdate_OfUnknownKind_ReachesTheClient()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var id = session.Server.EnqueueRaw("""{"some_future_update":{"x":1}}""");
        var update = Assert.Single(await session.Bot.GetUpdates());

        Assert.Equal(id, update.Id);
        Assert.Equal(UpdateType.Unknown, update.Type);
    }

    [Fact]
    public async Task AllowedUpdates_IsRemembered_AndFiltersLaterUpdates()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var sent = await session.Bot.SendMessage(Customer, "Pick one");
        await session.Bot.GetUpdates(allowedUpdates: [UpdateType.CallbackQuery]);

        session.Server.EnqueueMessage(Customer, Customer, "Ann", "ignored");
        session.Server.EnqueueCallback(Customer, sent.Id, Customer, "a");
        var updates = await session.Bot.GetUpdates();

        Assert.Equal(UpdateType.CallbackQuery, Assert.Single(updates).Type);
    }

    [Fact]
    public async Task LibraryPolling_ReceivesUpdates_AndConfirmsThem()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        using var stop = new CancellationTokenSource();
        var texts = new System.Collections.Concurrent.ConcurrentQueue<string>();
        session.Bot.StartReceiving(
            (_, update, _) => { texts.Enqueue(update.Message!.Text!); return Task.CompletedTask; },
            (_, _, _) => Task.CompletedTask,
            cancellationToken: stop.Token);

        session.Server.EnqueueMessage(Customer, Customer, "Ann", "one");
        session.Server.EnqueueMessage(Customer, Customer, "Ann", "two");
        await Eventually.TrueAsync(() => texts.Count == 2 && session.Server.PendingUpdateCount == 0, Patience);
        await stop.CancelAsync();

        Assert.Equal(["one", "two"], texts);
    }
}
