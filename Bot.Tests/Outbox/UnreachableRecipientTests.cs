using Bot.Core.Chat;
using Bot.Core.Outbox;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Outbox;

/// <summary>A person who blocked the bot cannot be reached, and nobody has to act on it: deliveries to them are
/// settled, neither retried for a day (an outage) nor dead-lettered (a refusal). Other refusals stay refusals.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class UnreachableRecipientTests
{
    [Fact]
    public void UserBlocked_InAPrivateChat_IsUnreachable_NotARefusal() =>
        Assert.Equal(FailureKind.Unreachable, DeliveryFailures.Classify(new ChatDeliveryException(ChatErrorKind.UserBlocked, "Forbidden: bot was blocked by the user"), 42));

    [Fact]
    public void OtherForbidden_InAPrivateChat_IsStillARefusal() =>
        Assert.Equal(FailureKind.Permanent, DeliveryFailures.Classify(new ChatDeliveryException(ChatErrorKind.Forbidden, "Forbidden: bot can't initiate conversation with a user"), 42));

    [Fact]
    public void Unreachable_IsSettledAtOnce_NotRetried()
    {
        var now = DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var policy = new RetryPolicy(Options.Create(new OutboxOptions()));

        var decision = policy.Decide(new OutboxItem { Id = 1, Attempts = 0 }, FailureKind.Unreachable, now);

        Assert.True(decision.GiveUp);
        Assert.True(decision.Settle);
        Assert.False(policy.Decide(new OutboxItem { Id = 2 }, FailureKind.Permanent, now).Settle);
    }
}
