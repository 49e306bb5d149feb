using Bot.Testing;
using Bot.Tests.Operations;

namespace Bot.Tests.Workflow;

/// <summary>Through the real host and the fake Bot API: a staff answer shows as a first-response time on /metrics (a
/// histogram) and on the status page.</summary>
public sealed class FirstResponseEndToEndTests : IAsyncLifetime
{
    private OperatorsFixture f = null!;

    public async Task InitializeAsync() => f = await OperatorsFixture.StartAsync(new Dictionary<string, string?>
    {
        ["Workflow:SweepInterval"] = "00:00:00.200",
    });

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task StaffAnswer_AppearsInTheHistogram_AndOnTheStatusPage()
    {
        var atStart = await f.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("bridge_first_response_seconds_count 0", atStart.Split('\n'));
        await f.PageWhenAsync("/", page => page.Contains("<tr><td>Buyers waiting now</td><td>0</td></tr>", StringComparison.Ordinal));

        f.Marketplace.AddBuyerMessage("9901", "Where is my parcel?");
        var topic = (await Eventually.ValueAsync(
            () => f.Telegram.Topics(OperatorsFixture.Staff).FirstOrDefault(t => t.Name.Contains("9901", StringComparison.Ordinal)), OperatorsFixture.Timeout)).ThreadId;
        // The card and the buyer's message travel in one Telegram message.
        await Eventually.TrueAsync(() => f.Telegram.SentTo(OperatorsFixture.Staff, topic).Any(m => m.VisibleText?.Contains("Where is my parcel?", StringComparison.Ordinal) == true), OperatorsFixture.Timeout);
        await f.PageWhenAsync("/", page => page.Contains("<tr><td>Buyers waiting now</td><td>1</td></tr>", StringComparison.Ordinal));

        f.Telegram.EnqueueMessage(OperatorsFixture.Staff, OperatorsFixture.StaffUser, "Sam", "It ships today.", threadId: topic);

        await f.PageWhenAsync("/metrics", page => page.Split('\n').Contains("bridge_first_response_seconds_count 1"));
        var status = await f.PageWhenAsync("/", page => page.Contains("<tr><td>Buyers answered (last 7 days)</td><td>1</td></tr>", StringComparison.Ordinal));
        Assert.Contains("<tr><td>Buyers waiting now</td><td>0</td></tr>", status, StringComparison.Ordinal);
    }
}
