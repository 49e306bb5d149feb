using Bot.Testing;
using Bot.Testing.AliExpress;

namespace Bot.Tests.EndToEnd;

/// <summary>The self-check in the real host: once a store is connected, operators learn which AliExpress methods the
/// app may call, in the platform's words and with what to do; /selfcheck and /status show it again.</summary>
public sealed class SelfCheckEndToEndTests
{
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Title = "AliExpress self-check: what this app may call";
    private static readonly Dictionary<string, string?> On = new() { ["Marketplace:AliExpress:SelfCheck"] = "true" };

    [Fact]
    public async Task Connect_WithAMethodRefused_TellsOperatorsThePlatformsWordsAndWhatToDo_AndSelfcheckRunsItAgain()
    {
        await using var c = await StoreConnection.StartAsync(overrides: On);
        c.AliExpress.Refuse(Details, FakeFault.InsufficientPermission());

        await c.OperatorSaysAsync("/connect " + c.AliExpress.IssueAuthorizationCode(), "Connected to the AliExpress store");

        var note = (await c.OperatorMessageAsync(Title)).VisibleText!;
        Assert.Contains("✅ querymsgrelationlist (list conversations): allowed", note, StringComparison.Ordinal);
        Assert.Contains("❌ querymsgdetaillist (read messages): InsufficientPermission/isv.permission-api-package-limit: Insufficient isv permissions", note, StringComparison.Ordinal);
        Assert.Contains("What to do: request the API permission package that holds " + Details, note, StringComparison.Ordinal);
        Assert.Contains("⏭ addmsg (post replies): not called", note, StringComparison.Ordinal);
        Assert.Contains("✅ updatemsgprocessed", note, StringComparison.Ordinal);
        var status = await c.OperatorSaysAsync("/status", "self-check");
        Assert.Contains("1 of 6 methods refused: querymsgdetaillist: InsufficientPermission", status.VisibleText, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(c.Bridge.Url) };
        Assert.Contains("1 of 6 methods refused", await http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        c.AliExpress.Allow(Details); // the seller got the permission
        var again = (await c.OperatorSaysAsync("/selfcheck", Title)).VisibleText!;

        Assert.Contains("✅ querymsgdetaillist (read messages): allowed", again, StringComparison.Ordinal);
        Assert.DoesNotContain("❌", again, StringComparison.Ordinal);
        Assert.Contains("all 6 methods called are allowed", (await c.OperatorSaysAsync("/status", "self-check")).VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAConnectedStore_ChecksOnce_AndTellsOperatorsOnce()
    {
        var settings = new Dictionary<string, string?>(On) { ["Marketplace:AliExpress:AccessToken"] = new FakeAliExpressServerOptions().AccessToken };
        await using var c = await StoreConnection.StartAsync(overrides: settings);

        var note = (await c.OperatorMessageAsync(Title)).VisibleText!;
        var polls = c.AliExpress.CallCount(Relations);
        await Eventually.TrueAsync(() => c.AliExpress.CallCount(Relations) > polls + 3, StoreConnection.Timeout);

        Assert.DoesNotContain("❌", note, StringComparison.Ordinal);
        Assert.Equal(6, note.Split('\n').Count(l => l.StartsWith('✅'))); // four message methods and the two order reads
        Assert.Single(c.OperatorMessages, m => m.VisibleText?.Contains(Title, StringComparison.Ordinal) == true);
        Assert.Equal(1, c.AliExpress.CallCount(Details)); // the self-check's own: no conversation to read yet
    }
}
