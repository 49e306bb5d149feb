using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Staff;
using Bot.Testing;

namespace Bot.Tests.Staff;

/// <summary>A send into a closed topic reopens it once and sends again, also when someone else (the topic tidier, a
/// person) reopened it in between, which Telegram answers with TOPIC_NOT_MODIFIED.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TopicSenderTests
{
    private const long Staff = -1001000000001;

    [Fact]
    public async Task SendIntoATopicReopenedMeanwhile_IsSentAgain_NotGivenUp()
    {
        var chat = new RecordingChatGateway();
        var topic = await chat.CreateTopicAsync(Staff, "Order 1", CancellationToken.None);
        var sender = new TopicSender(chat, null!, null!, new ThreadBinding(1, Audience.Staff, Staff, topic));
        var tries = 0;

        var sent = await sender.SendAsync(
            (_, _) => ++tries == 1
                ? throw new ChatDeliveryException(ChatErrorKind.TopicClosed, "Bad Request: TOPIC_CLOSED") // closed when it went
                : Task.FromResult(42),
            CancellationToken.None);

        Assert.Equal(42, sent);
        Assert.Equal(2, tries);
    }

    [Fact]
    public async Task ReopeningATopicThatIsOpen_IsRefusedAsTelegramDoes()
    {
        var chat = new RecordingChatGateway();
        var topic = await chat.CreateTopicAsync(Staff, "Order 1", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ChatDeliveryException>(() => chat.ReopenTopicAsync(Staff, topic, CancellationToken.None));
        Assert.Contains("TOPIC_NOT_MODIFIED", refused.Message, StringComparison.Ordinal);
    }
}
