using Bot.Core.Feedback;
using Bot.Core.Storage;
using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

/// <summary>A buyer's private chat has its own budget: it never waits behind the staff group's, merging or not.</summary>
public sealed class BuyersFirstTests
{
    private const long Buyer = 700001;

    [Fact]
    public async Task PrivateChat_DoesNotWaitBehindTheStaffGroupsSpentBudget_WhileStaffPostsWaitToMerge()
    {
        await using var rig = await TelegramBudgetRig.StartAsync(arrange: telegram => telegram.AddPrivateChat(Buyer, "Ann"));
        for (var order = 0; order < 10; order++)
        {
            rig.Marketplace.AddBuyerMessage($"98{order:D3}", "hello", buyerId: $"b{order}");
        }

        await rig.PollAsync();
        await rig.DispatchNowAsync(); // the group's minute is spent
        var start = rig.Time.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            rig.Marketplace.AddBuyerMessage("98000", $"waiting {i}", buyerId: "b0");
        }

        await rig.PollAsync();
        await using (var session = await DbSession.BeginAsync(rig.Get<IDbConnectionFactory>(), CancellationToken.None))
        {
            for (var i = 0; i < 3; i++)
            {
                await rig.Get<Notices>().EnqueueAsync(session, new NoticePayload(Buyer, null, $"seller reply {i}"));
            }

            await session.CommitAsync(CancellationToken.None);
        }

        await rig.DrainAsync();

        var toBuyer = rig.Telegram.SentTo(Buyer);
        Assert.Equal(3, toBuyer.Count);
        Assert.All(toBuyer, m => Assert.InRange(m.SentAt - start, TimeSpan.Zero, TimeSpan.FromSeconds(3))); // 1 a second
        var merged = Assert.Single(rig.Telegram.SentTo(TelegramBudgetRig.StaffChatId), m => m.VisibleText!.Contains("waiting 0", StringComparison.Ordinal));
        Assert.Contains("waiting 3", merged.VisibleText);
        Assert.True(merged.SentAt - start >= TimeSpan.FromSeconds(59), "the staff posts waited for the group's minute");
        Assert.Equal(0, rig.Telegram.RateLimitedCount);
    }
}
