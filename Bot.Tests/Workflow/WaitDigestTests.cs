namespace Bot.Tests.Workflow;

/// <summary>Once per working day at 09:30 store time, the general topic lists who waits, oldest first, each linked to
/// its topic.</summary>
public sealed class WaitDigestTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Thursday1300 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Friday0929 = new(2026, 11, 27, 8, 29, 0, TimeSpan.Zero);
    private WorkflowRig rig = null!;

    public async Task InitializeAsync() => rig = await WorkflowRig.StartAsync(Thursday1300);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Digest_ListsWaitingBuyersOldestFirst_WithLinksToTheirTopics_AndNotTheAnsweredOnes()
    {
        var first = await rig.BuyerWritesAsync("8001", "First question", buyer: "Ana");
        rig.At(Thursday1300.AddHours(1));
        var answered = await rig.BuyerWritesAsync("8003", "Answered question", buyer: "Carl");
        await rig.StaffWritesAsync(answered, "Here you go.");
        rig.At(Thursday1300.AddHours(2));
        var second = await rig.BuyerWritesAsync("8002", "Second question", buyer: "Ben <b>");

        rig.At(Friday0929);
        await rig.SweepAsync();
        Assert.Empty(rig.GeneralTopic());

        rig.At(Friday0929.AddMinutes(2));
        await rig.SweepAsync();
        var digest = Assert.Single(rig.GeneralTopic()).Html;
        Assert.StartsWith("📋 <b>2 buyers wait for an answer</b>, oldest first:", digest, StringComparison.Ordinal);
        var ana = digest.IndexOf($"<a href=\"https://t.me/c/1234567890/{first}\">Ana · 8001</a>: 20 h 31 min", StringComparison.Ordinal);
        var ben = digest.IndexOf($"<a href=\"https://t.me/c/1234567890/{second}\">Ben &lt;b&gt; · 8002</a>: 18 h 31 min", StringComparison.Ordinal);
        Assert.True(ana > 0 && ben > ana, digest);
        Assert.DoesNotContain("8003", digest, StringComparison.Ordinal);
    }

    /// <summary>An idle bridge writes nothing: a day whose digest time finds nobody waiting is not recorded, and a buyer
    /// who starts waiting later that day is left to the reminders, not a late digest.</summary>
    [Fact]
    public async Task NobodyWaitingAtDigestTime_NothingIsWritten_AndALaterWaitThatDayGetsNoDigest()
    {
        rig.At(Friday0929.AddMinutes(2));
        await rig.SweepAsync();
        Assert.Equal(0, await DigestDaysAsync());

        await rig.BuyerWritesAsync("8201", "Afternoon question");
        rig.At(Friday0929.AddHours(5));
        await rig.SweepAsync();
        Assert.DoesNotContain(rig.GeneralTopic(), t => t.Html.StartsWith("📋", StringComparison.Ordinal));
        Assert.Equal(0, await DigestDaysAsync());

        rig.At(Friday0929.AddDays(3).AddMinutes(2)); // Monday: the buyer still waits
        await rig.SweepAsync();
        Assert.Single(rig.GeneralTopic(), t => t.Html.StartsWith("📋", StringComparison.Ordinal));
        Assert.Equal(1, await DigestDaysAsync());
    }

    private async Task<long> DigestDaysAsync()
    {
        await using var connection = await rig.Harness.Get<Bot.Core.Storage.IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM workflow_digests");
    }

    [Fact]
    public async Task TwoStaffGroups_EachGetsTheDigestOfItsOwnConversations()
    {
        const long Second = -1002000000002;
        await using var groups = await WorkflowRig.StartAsync(Thursday1300, new Dictionary<string, string?> { ["Telegram:StaffChatIds:0"] = "-1002000000002" });
        await groups.BuyerWritesAsync("8101", "First group question", buyer: "Ana");
        await groups.BuyerWritesAsync("8102", "Second group question", buyer: "Ben"); // the first group is busier now

        groups.At(Friday0929.AddMinutes(2));
        await groups.SweepAsync();

        var digests = groups.GeneralTopic();
        Assert.Equal(2, digests.Count);
        var second = Assert.Single(digests, d => d.ChatId == Second).Html;
        var first = Assert.Single(digests, d => d.ChatId != Second).Html;
        Assert.Contains("Ben · 8102", second, StringComparison.Ordinal);
        Assert.DoesNotContain("8101", second, StringComparison.Ordinal);
        Assert.Contains("Ana · 8101", first, StringComparison.Ordinal);
        Assert.DoesNotContain("8102", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_IsSentOncePerDay_AndNotOnDaysOff()
    {
        await rig.BuyerWritesAsync("8101", "Hello");

        rig.At(Friday0929.AddMinutes(2));
        await rig.SweepAsync();
        rig.At(Friday0929.AddHours(6));
        await rig.SweepAsync();
        Assert.Single(rig.GeneralTopic());

        rig.At(Friday0929.AddDays(1).AddMinutes(2)); // Saturday
        await rig.SweepAsync();
        rig.At(Friday0929.AddDays(2).AddMinutes(2)); // Sunday
        await rig.SweepAsync();
        Assert.Single(rig.GeneralTopic());

        rig.At(Friday0929.AddDays(3).AddMinutes(2)); // Monday
        await rig.SweepAsync();
        Assert.Equal(2, rig.GeneralTopic().Count);
    }

    [Fact]
    public async Task NobodyWaiting_NoDigest()
    {
        var topic = await rig.BuyerWritesAsync("8201", "Hello");
        await rig.StaffWritesAsync(topic, "Hi!");

        rig.At(Friday0929.AddMinutes(2));
        await rig.SweepAsync();

        Assert.Empty(rig.GeneralTopic());
    }
}
