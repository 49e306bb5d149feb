using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.MarketplaceRelay;

/// <summary>A staff reply longer than the marketplace's limit goes out in parts; a retry after a later part failed
/// posts only what the marketplace has not accepted, so the order comments (what dispute mediators read) carry no
/// duplicates.</summary>
public abstract class MultiPartReplyTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));
        topic = await harness.OpenTopicAsync("9201", "Can you explain the refund?");
        harness.Marketplace.Capabilities = harness.Marketplace.Capabilities with { MaxTextLength = 60 };
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task SecondPartFailingOnce_IsRetried_WithoutPostingTheFirstPartAgain()
    {
        var sends = 0;
        harness.Marketplace.AfterSend = _ =>
        {
            if (++sends == 1)
            {
                harness.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Transient, "502 Bad Gateway"));
            }
        };
        var text = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}"));

        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 950, text), CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            // The retry comes before the marketplace lists the first part back (no polling meanwhile).
            await harness.DrainAsync();
            harness.Time.Advance(TimeSpan.FromSeconds(5));
        }

        await harness.RunAsync(); // now the echoes of every part come back

        var posted = harness.Marketplace.Sent.Select(s => s.Text).ToList();
        Assert.True(posted.Count >= 3, $"expected at least three parts, got {posted.Count}");
        Assert.Equal(posted.Count, posted.Distinct().Count());
        Assert.Equal(text, string.Join(' ', posted));
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 950 && r.Emoji == "👍");
        Assert.DoesNotContain(harness.Gateway.Texts, t => t.Html.Contains("Seller center", StringComparison.Ordinal));
    }

    [DbFact]
    public async Task EveryPart_IsRecordedAsAccepted_OnceDelivered()
    {
        var text = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}"));

        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 951, text), CancellationToken.None);
        await harness.DrainAsync();

        await using var session = await DbSession.ReadAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var messageId = (await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Done, 50, CancellationToken.None)).First(i => i.Kind == OutboxKinds.MarketplaceSend).MessageId!.Value;
        var copies = await harness.Get<IMessageRepository>().GetCopiesAsync(session, messageId, CopyTarget.Marketplace);
        Assert.Equal(harness.Marketplace.Sent.Count, copies.Count);
        Assert.All(copies, c => Assert.NotNull(c.AcceptedAt));
    }

    public sealed class OnSqlite() : MultiPartReplyTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : MultiPartReplyTests(TestDatabase.Postgres), IPostgresVariant;
}
