using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;
using Bot.Testing;

namespace Bot.Tests.Operations;

/// <summary>Alerts in the operator chat and the commands operators send there, against the real host.</summary>
public sealed class OperatorCommandTests : IAsyncLifetime
{
    private OperatorsFixture f = null!;

    public async Task InitializeAsync() => f = await OperatorsFixture.StartAsync();

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task DeadLetter_RaisesOneAlert_AndOperatorRetry_RedeliversIt_ThenResolves()
    {
        var dead = await f.MakeDeadLetterAsync("80001", "Refund is on its way.");

        var alert = await f.OperatorMessageAsync("Dead letters");
        Assert.Contains($"#{dead.Id}", alert.VisibleText);
        Assert.Contains("closed for comments", alert.VisibleText);
        var monitor = f.Bridge.Get<AlertMonitor>();
        var checks = monitor.Checks;
        await Eventually.TrueAsync(() => monitor.Checks > checks + 5, OperatorsFixture.Timeout);
        Assert.Single(f.OperatorMessages, m => m.VisibleText!.Contains("Dead letters", StringComparison.Ordinal));

        var command = f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", $"/retry {dead.Id}");

        var reply = await f.OperatorMessageAsync("queued again");
        Assert.Equal(command, reply.ReplyToMessageId);
        await Eventually.TrueAsync(() => f.Marketplace.Sent.Any(s => s.Text == "Refund is on its way."), OperatorsFixture.Timeout);
        await f.OperatorMessageAsync("Resolved: Dead letters");
        Assert.Empty(await f.Bridge.Get<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
    }

    [Fact]
    public async Task NonOperatorRetry_IsRefusedPolitely_AndChangesNothing()
    {
        var dead = await f.MakeDeadLetterAsync("80002", "We will call you.");

        var command = f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, 999, "Mallory", $"/retry {dead.Id}");

        var reply = await f.OperatorMessageAsync("only the bridge's operators");
        Assert.Equal(command, reply.ReplyToMessageId);
        var stillDead = await f.Bridge.Get<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 10, CancellationToken.None);
        Assert.Contains(stillDead, d => d.Id == dead.Id);
        Assert.Empty(f.Marketplace.Sent);
    }

    [Fact]
    public async Task PauseAndResume_StopAndRestartPolling_AndStatusSaysSo()
    {
        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/pause");
        await f.OperatorMessageAsync("Paused: no marketplace polling");
        var health = f.Bridge.Get<Bot.Core.Operations.BridgeHealth>();
        Assert.True(health.Paused);

        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/status");
        await f.OperatorMessageAsync("Paused by an operator");

        var polls = f.Marketplace.FetchCount;
        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/resume");
        await f.OperatorMessageAsync("Resumed");
        Assert.False(health.Paused);
        await Eventually.TrueAsync(() => f.Marketplace.FetchCount > polls, OperatorsFixture.Timeout);
    }

    [Fact]
    public async Task Help_InTheOperatorChat_ListsEveryOperatorCommand_OneLineEach()
    {
        var command = f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/help");

        var reply = await f.OperatorMessageAsync("Operator commands");

        Assert.Equal(command, reply.ReplyToMessageId);
        var lines = reply.VisibleText!.Split('\n').Skip(1).ToList();
        var names = f.Bridge.Get<IEnumerable<Bot.Core.Operations.IOperatorCommand>>().Select(c => c.Name).Append("help").ToList();
        Assert.Equal(names.Count, lines.Count);
        Assert.All(names, name => Assert.Single(lines, l => l.StartsWith($"/{name}", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("/retry <id> | conv <order or chat id> | all:", StringComparison.Ordinal));
        string[] required = ["updates", "retry", "deadletters", "setaside", "status", "pause", "resume"];
        Assert.All(required, name => Assert.Contains(name, names));
    }
}
