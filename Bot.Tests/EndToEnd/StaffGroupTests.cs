using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>Base of the end-to-end test classes that start a fresh <see cref="StaffGroupBridge"/> for every test.</summary>
public abstract class StaffGroupTests : IAsyncLifetime
{
    protected const long Staff = StaffGroupBridge.Staff;
    protected const long StaffUser = StaffGroupBridge.StaffUser;

    private StaffGroupBridge? rig;

    protected static TimeSpan Timeout => StaffGroupBridge.Timeout;

    protected StaffGroupBridge Rig => rig ?? throw new InvalidOperationException("The bridge has not started.");

    protected FakeTelegramServer Telegram => Rig.Telegram;

    protected InMemoryMarketplace Marketplace => Rig.Marketplace;

    protected BridgeHost Bridge => Rig.Bridge;

    public async Task InitializeAsync()
    {
        rig = await StartAsync();
        await ArrangeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (rig is not null)
        {
            await rig.DisposeAsync();
        }
    }

    /// <summary>Override to start with other settings or chats.</summary>
    protected virtual Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync();

    /// <summary>Override to bring the bridge into the state every test of the class starts from.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;
}
