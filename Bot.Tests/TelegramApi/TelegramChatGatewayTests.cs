using Bot.Core.Chat;
using Bot.TelegramApi;
using Microsoft.Extensions.Options;
using Telegram.Bot;

using Bot.Tests.Harness;

namespace Bot.Tests.TelegramApi;

/// <summary>The bridge's chat gateway (behind its rate limiter, as the host wires it) against the fake Bot API.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TelegramChatGatewayTests
{
    private const long Staff = FakeTelegramSession.StaffGroup;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];

    private static IChatGateway Gateway(FakeTelegramSession session) =>
        new ThrottledChatGateway(new TelegramChatGateway(session.Bot), new ChatRateLimiter(Options.Create(new ChatRateOptions()), TimeProvider.System));

    [Fact]
    public async Task PhotoWithACaptionOverTheLimit_GoesAlone_AndTheCaptionFollowsAsAReply()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var topic = await session.Bot.CreateForumTopic(Staff, "Order 1");
        var caption = "<b>Damage</b> " + string.Concat(Enumerable.Repeat("the box &amp; the lid were crushed. ", 50));

        var id = await Gateway(session).SendPhotoAsync(new ChatPhoto(Staff, topic.MessageThreadId, Jpeg, "p.jpg", caption), CancellationToken.None);

        var sent = session.Server.SentTo(Staff, topic.MessageThreadId);
        Assert.Equal(2, sent.Count);
        Assert.Equal(Jpeg, sent[0].Photo);
        Assert.Null(sent[0].Caption);
        Assert.Equal(id, sent[1].ReplyToMessageId);
        Assert.StartsWith("Damage the box & the lid", sent[1].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhotoWithACaptionWithinTheLimit_KeepsIt()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        await Gateway(session).SendPhotoAsync(new ChatPhoto(Staff, null, Jpeg, "p.jpg", "<i>" + new string('c', 1024) + "</i>"), CancellationToken.None);

        Assert.Equal(1024, Assert.Single(session.Server.SentTo(Staff)).VisibleText!.Length);
    }

    [Fact]
    public async Task AvailableReactions_AreReadFromGetChat_NullWhenAllAreAllowed()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var gateway = Gateway(session);

        var all = await gateway.GetAvailableReactionsAsync(Staff, CancellationToken.None);
        session.Server.SetAvailableReactions(Staff, "❤", "👎");
        var narrowed = await gateway.GetAvailableReactionsAsync(Staff, CancellationToken.None);

        Assert.Null(all);
        Assert.True(narrowed!.SetEquals(["❤", "👎"]));
    }

    [Fact]
    public async Task RefusedReaction_IsReportedAsReactionInvalid()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var message = session.Server.EnqueueMessage(Staff, 5001, "Sam", "reply");

        var error = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            Gateway(session).SetReactionAsync(Staff, message, "✅", CancellationToken.None));

        Assert.Equal(ChatErrorKind.ReactionInvalid, error.Kind);
    }
}
