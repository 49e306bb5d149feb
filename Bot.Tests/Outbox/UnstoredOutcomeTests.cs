using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Tests.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Outbox;

/// <summary>A database that refuses writes (disk full, locked, read-only) after a send must not make the bridge send
/// the same thing again and again: the outcome is kept in memory until it can be stored.</summary>
public sealed class UnstoredOutcomeTests : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int topic;

    private WriteRefusingDatabase Database => (WriteRefusingDatabase)harness.Get<IDbConnectionFactory>();

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite, configure: WriteRefusingDatabase.Register);
        topic = await harness.OpenTopicAsync("9101", "Is it in stock?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task DatabaseRefusingWritesAfterTheSend_DoesNotRepeatTheSend_AndCompletesOnceItWrites()
    {
        harness.Marketplace.AfterSend = _ => Database.RefuseWrites = true;
        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 900, "Yes, ships tomorrow."), CancellationToken.None);

        await DispatchWhileTimePassesAsync(TimeSpan.FromHours(2));

        Assert.Single(harness.Marketplace.Sent);
        Assert.Single(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 10, CancellationToken.None), i => i.Kind == OutboxKinds.MarketplaceSend);

        Database.RefuseWrites = false;
        await DispatchWhileTimePassesAsync(TimeSpan.FromMinutes(11));

        Assert.Single(harness.Marketplace.Sent);
        Assert.Empty(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 900 && r.Emoji == "👍");
    }

    [Fact]
    public async Task DatabaseRefusingWritesBetweenTwoParts_SendsNothingMoreWhileItRefuses()
    {
        harness.Marketplace.Capabilities = harness.Marketplace.Capabilities with { MaxTextLength = 40 };
        harness.Marketplace.AfterSend = _ => Database.RefuseWrites = true;
        var text = "First part of a long answer here. Second part of the long answer.";
        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 901, text), CancellationToken.None);

        await DispatchWhileTimePassesAsync(TimeSpan.FromHours(2));

        Assert.Single(harness.Marketplace.Sent);

        harness.Marketplace.AfterSend = null;
        Database.RefuseWrites = false;
        await DispatchWhileTimePassesAsync(TimeSpan.FromMinutes(30));

        // Whether the first part's acceptance was stored is what the database refused: it is sent once more, no more.
        Assert.Equal(text, string.Join(' ', harness.Marketplace.Sent.Skip(1).Select(s => s.Text)));
        Assert.Empty(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
        Assert.Empty(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
    }

    [Fact]
    public async Task CompletionFailingAfterItsHandlerBegan_IsRetried_WithTheCopyAndCardItHadToRecord()
    {
        // The completion's first write of copies fails as a full disk would (after the handler took what it records).
        await using var failing = await CoreHarness.StartAsync(CoreHarness.OnSqlite, services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(Bot.Core.Messages.IMessageRepository));
            services.AddSingleton(sp => CopiesFailOnce.Wrap(
                (Bot.Core.Messages.IMessageRepository)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        });
        failing.Marketplace.AddBuyerMessage("9102", "Do you ship to Porto?");
        while (await failing.Get<Bot.Core.MarketplaceRelay.MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        await DispatchWhileTimePassesAsync(failing, TimeSpan.FromMinutes(11));

        Assert.Single(failing.Gateway.Texts, t => t.Html.Contains("Porto", StringComparison.Ordinal));
        Assert.Empty(await failing.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
        await using var connection = await failing.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        // The post's copy (what a staff reply to it is matched by) and the card, recorded by the retried completion.
        Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM message_copies WHERE message_id = (SELECT id FROM messages WHERE text LIKE '%Porto%') AND target = 'telegram'"));
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT card_due FROM thread_bindings WHERE audience = 'staff' AND conversation_id = (SELECT id FROM conversations WHERE external_id = '9102')"));
    }

    /// <summary>The message repository, whose first <c>AddCopiesAsync</c> fails with SQLITE_FULL.</summary>
    public class CopiesFailOnce : System.Reflection.DispatchProxy
    {
        private Bot.Core.Messages.IMessageRepository inner = null!;
        private int calls;

        public static Bot.Core.Messages.IMessageRepository Wrap(Bot.Core.Messages.IMessageRepository inner)
        {
            var proxy = Create<Bot.Core.Messages.IMessageRepository, CopiesFailOnce>();
            ((CopiesFailOnce)(object)proxy).inner = inner;
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name == nameof(Bot.Core.Messages.IMessageRepository.AddCopiesAsync) && Interlocked.Increment(ref calls) == 1
                ? Task.FromException(new SqliteException("database or disk is full", 13))
                : targetMethod.Invoke(inner, args);
    }

    /// <summary>What the outbox worker does: dispatch, and on an error log it and go on.</summary>
    private Task DispatchWhileTimePassesAsync(TimeSpan duration) => DispatchWhileTimePassesAsync(harness, duration);

    private static async Task DispatchWhileTimePassesAsync(CoreHarness harness, TimeSpan duration)
    {
        var dispatcher = harness.Get<OutboxDispatcher>();
        var end = harness.Time.GetUtcNow() + duration;
        while (harness.Time.GetUtcNow() < end)
        {
            try
            {
                await dispatcher.DispatchOnceAsync(CancellationToken.None);
            }
            catch (SqliteException)
            {
                // The worker logs this and tries again.
            }

            harness.Time.Advance(TimeSpan.FromSeconds(30));
        }
    }
}
