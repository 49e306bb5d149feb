using Bot.Core.Chat;
using Bot.Core.Routing;
using Bot.Core.Workflow;
using Bot.Tests.Harness;

namespace Bot.Tests.Workflow;

/// <summary>The core on simulated time with a store in Berlin (Mon–Fri 09:00–18:00, reminders after one working
/// hour, digest at 09:30); marketplace messages are dated by the same fake clock.</summary>
internal sealed class WorkflowRig : IAsyncDisposable
{
    private int nextStaffMessage = 5000;

    private WorkflowRig(CoreHarness harness) => Harness = harness;

    public CoreHarness Harness { get; }

    public static readonly Dictionary<string, string?> Berlin = new()
    {
        ["Workflow:TimeZone"] = "Europe/Berlin",
        ["Workflow:OpenAt"] = "09:00",
        ["Workflow:CloseAt"] = "18:00",
        ["Workflow:DaysOff"] = "Saturday,Sunday",
        ["Workflow:ReminderAfter"] = "01:00:00",
        ["Workflow:DigestAt"] = "09:30",
    };

    /// <param name="startUtc">Where the clock starts (must not be before the harness's 2026-11-26 12:00 UTC).</param>
    public static async Task<WorkflowRig> StartAsync(DateTimeOffset? startUtc = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(Berlin);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var harness = await CoreHarness.StartAsync(values);
        harness.Marketplace.Clock = harness.Time;
        if (startUtc is { } start)
        {
            harness.Time.SetUtcNow(start);
        }

        return new WorkflowRig(harness);
    }

    /// <summary>Moves the clock to a UTC moment.</summary>
    public void At(DateTimeOffset utc) => Harness.Time.SetUtcNow(utc);

    /// <summary>A buyer writes; the relay runs; returns the topic.</summary>
    public async Task<int> BuyerWritesAsync(string orderId, string text, string buyer = "Ana")
    {
        Harness.Marketplace.AddBuyerMessage(orderId, text, buyerId: "buyer-" + orderId, buyerName: buyer);
        await Harness.RunAsync();
        return Harness.Gateway.Topics.Single(t => t.Name.Contains(orderId, StringComparison.Ordinal)).TopicId;
    }

    /// <summary>Staff member 42 ("Sam") writes in the topic now (a reply, or a command).</summary>
    public async Task StaffWritesAsync(int topic, string text, long userId = 42, string name = "Sam")
    {
        var message = StaffMessages.Reply(topic, ++nextStaffMessage, text, at: Harness.Time.GetUtcNow()) with { FromUserId = userId, FromName = name };
        await Harness.Get<IChatUpdateHandler>().HandleMessageAsync(message, CancellationToken.None);
        await Harness.DrainAsync();
    }

    /// <summary>One look at the waits, then the deliveries it queued.</summary>
    public async Task SweepAsync()
    {
        await Harness.Get<WaitWatch>().SweepAsync(CancellationToken.None);
        await Harness.DrainAsync();
    }

    /// <summary>What the host's loop does each round: a look at the waits, then tidying the topics.</summary>
    public async Task SweepAndTidyAsync()
    {
        await Harness.Get<WaitWatch>().SweepAsync(CancellationToken.None);
        await Harness.Get<TopicTidier>().TidyAsync(CancellationToken.None);
        await Harness.DrainAsync();
    }

    public IReadOnlyList<ChatText> Reminders(int topic) =>
        Harness.Gateway.TextsIn(topic).Where(t => t.Html.StartsWith('⏰')).ToList();

    public IReadOnlyList<ChatText> GeneralTopic() => Harness.Gateway.Texts.Where(t => t.TopicId is null).ToList();

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
