using System.Collections.Concurrent;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Outbox;

/// <summary>A delivery's log lines name its order. For a staff post the order id comes from the delivery's own read of
/// the conversation, not from a read of its own before the delivery starts.</summary>
public sealed class DeliveryLogScopeTests
{
    [Fact]
    public async Task StaffPostOfANewConversation_NamesItsOrderWithoutReadingItApart()
    {
        var calls = new ConcurrentDictionary<string, int>();
        var logs = new ScopeLogs();
        await using var harness = await StartAsync(calls, logs);
        harness.Marketplace.AddBuyerMessage("order-7", "question");
        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Single(harness.Gateway.Topics);
        var created = Assert.Single(logs.Lines, l => l.Message.StartsWith("Created staff topic", StringComparison.Ordinal));
        Assert.Equal("order-7", created.Scope.GetValueOrDefault("OrderId"));
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IConversationRepository.GetKindAndExternalIdAsync)));
    }

    [Fact]
    public async Task FailedStaffPost_NamesItsOrderInTheRetryLine()
    {
        var calls = new ConcurrentDictionary<string, int>();
        var logs = new ScopeLogs();
        await using var harness = await StartAsync(calls, logs);
        harness.Marketplace.AddBuyerMessage("order-8", "question");
        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        harness.Gateway.FailNext(new ChatDeliveryException(ChatErrorKind.Transient, "Bad Gateway"));
        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Empty(harness.Gateway.Topics);
        var retries = logs.Lines.Where(l => l.Message.Contains("retrying in", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, r => Assert.Equal("order-8", r.Scope.GetValueOrDefault("OrderId")));
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IConversationRepository.GetKindAndExternalIdAsync)));
    }

    [Fact]
    public async Task DeliveryThatDoesNotReadItsConversation_ReadsTheOrderForTheScope()
    {
        var calls = new ConcurrentDictionary<string, int>();
        var logs = new ScopeLogs();
        await using var harness = await StartAsync(calls, logs);
        long conversationId;
        await using (var session = await Bot.Core.Storage.DbSession.BeginAsync(harness.Get<Bot.Core.Storage.IDbConnectionFactory>(), CancellationToken.None))
        {
            conversationId = (await harness.Get<IConversationRepository>().UpsertAsync(session, "fake", "main", ConversationKind.Order, "order-9", "buyer-1", "Ana", null, null)).Id;
            await harness.Get<IOutboxRepository>().EnqueueAsync(session, new OutboxEntry("no-such-kind", "lane-9", conversationId, null));
            await session.CommitAsync(CancellationToken.None);
        }

        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        var dead = Assert.Single(logs.Lines, l => l.Message.Contains("is a dead letter", StringComparison.Ordinal));
        Assert.Equal("order-9", dead.Scope.GetValueOrDefault("OrderId"));
        Assert.Equal(1, calls.GetValueOrDefault(nameof(IConversationRepository.GetKindAndExternalIdAsync)));
    }

    private static Task<CoreHarness> StartAsync(ConcurrentDictionary<string, int> calls, ScopeLogs logs) =>
        CoreHarness.StartAsync(
            new Dictionary<string, string?> { ["Relay:MaxParallelDeliveries"] = "1", ["Relay:MergePosts"] = "true" },
            services =>
            {
                var registered = services.Last(d => d.ServiceType == typeof(IConversationRepository));
                services.AddSingleton(sp => CountingProxy.Wrap(
                    (IConversationRepository)(registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
                    calls));
                services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            });

    /// <summary>Keeps each line with the values of the scopes around it, as they read when the line is written.</summary>
    private sealed class ScopeLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Message, Dictionary<string, object?> Scope)> lines = new();
        private readonly LoggerExternalScopeProvider scopes = new();

        public IReadOnlyList<(string Message, Dictionary<string, object?> Scope)> Lines => [.. lines];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                owner.scopes.ForEachScope(
                    (s, values) =>
                    {
                        if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, value) in pairs)
                            {
                                values[key] = value;
                            }
                        }
                    },
                    scope);
                owner.lines.Enqueue((formatter(state, exception), scope));
            }
        }
    }
}
