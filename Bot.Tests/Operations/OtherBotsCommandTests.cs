namespace Bot.Tests.Operations;

/// <summary>In a group shared with other bots, "/cmd@otherbot" is for that bot (https://core.telegram.org/bots/features#commands).</summary>
public sealed class OtherBotsCommandTests : IAsyncLifetime
{
    private OperatorsFixture f = null!;

    public async Task InitializeAsync() => f = await OperatorsFixture.StartAsync();

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task PauseForAnotherBot_DoesNotPauseTheBridge_PauseForThisBotDoes()
    {
        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/pause@other_bot");
        var mine = f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", $"/pause@{f.Telegram.BotUsername}");

        var reply = await f.OperatorMessageAsync("Paused");

        Assert.Equal(mine, reply.ReplyToMessageId);
        Assert.Single(f.OperatorMessages);
    }
}
