using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

/// <summary>setMessageReaction takes only the Bot API's fixed emoji list, narrowed by the chat's available_reactions.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramReactionTests
{
    private const long Staff = FakeTelegramSession.StaffGroup;

    [Theory]
    [InlineData("✅")]
    [InlineData("⚠️")]
    [InlineData("❌")]
    [InlineData("❤️")] // with VS16: the list has the bare heart only
    public async Task SetMessageReaction_EmojiOffTheList_ReactionInvalid(string emoji)
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var message = session.Server.EnqueueMessage(Staff, 5001, "Sam", "reply");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SetMessageReaction(Staff, message, [new ReactionTypeEmoji { Emoji = emoji }]));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: REACTION_INVALID", error.Message);
        Assert.Empty(session.Server.Reactions(Staff, message));
    }

    [Theory]
    [InlineData("👍")]
    [InlineData("👎")]
    [InlineData("❤")]
    [InlineData("🤷‍♂")]
    [InlineData("👨‍💻")]
    public async Task SetMessageReaction_EmojiOnTheList_IsSet(string emoji)
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var message = session.Server.EnqueueMessage(Staff, 5001, "Sam", "reply");

        await session.Bot.SetMessageReaction(Staff, message, [new ReactionTypeEmoji { Emoji = emoji }]);

        Assert.Equal([emoji], session.Server.Reactions(Staff, message));
    }

    [Fact]
    public async Task GetChat_WithoutNarrowing_HasNoAvailableReactions()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var chat = await session.Bot.GetChat(Staff);

        Assert.Null(chat.AvailableReactions);
    }

    [Fact]
    public async Task NarrowedChat_GetChatListsTheReactions_AndOthersAreRefused()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.SetAvailableReactions(Staff, "❤", "🔥");
        var message = session.Server.EnqueueMessage(Staff, 5001, "Sam", "reply");

        var chat = await session.Bot.GetChat(Staff);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SetMessageReaction(Staff, message, [new ReactionTypeEmoji { Emoji = "👍" }]));
        await session.Bot.SetMessageReaction(Staff, message, [new ReactionTypeEmoji { Emoji = "🔥" }]);

        Assert.Equal(["❤", "🔥"], chat.AvailableReactions!.OfType<ReactionTypeEmoji>().Select(r => r.Emoji).ToArray());
        Assert.Equal("Bad Request: REACTION_INVALID", error.Message);
        Assert.Equal(["🔥"], session.Server.Reactions(Staff, message));
    }

    [Fact]
    public async Task ChatWithReactionsOff_RefusesEveryReaction_UntilAllowedAgain()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.SetAvailableReactions(Staff);
        var message = session.Server.EnqueueMessage(Staff, 5001, "Sam", "reply");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            session.Bot.SetMessageReaction(Staff, message, [new ReactionTypeEmoji { Emoji = "👍" }]));
        var chat = await session.Bot.GetChat(Staff);
        session.Server.SetAvailableReactions(Staff, null);
        await session.Bot.SetMessageReaction(Staff, message, [new ReactionTypeEmoji { Emoji = "👍" }]);

        Assert.Equal("Bad Request: REACTION_INVALID", error.Message);
        Assert.Empty(chat.AvailableReactions!);
        Assert.Equal(["👍"], session.Server.Reactions(Staff, message));
    }
}
