using Bot.Core.Drafts;
using Bot.Testing;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Drafts;

/// <summary>Drafts are off without an endpoint (no button anywhere), and an endpoint without a model stops the start.</summary>
public sealed class DraftSettingsTests
{
    private const long Staff = StaffGroupBridge.Staff;

    [Fact]
    public async Task WithoutAnEndpoint_NoMessageOrCardHasADraftButton_AndAForgedPressIsTurnedDown()
    {
        await using var rig = await StaffGroupBridge.StartAsync();
        var topic = await rig.TopicWithBuyerMessageAsync("82004", "Is it waterproof?");
        rig.Marketplace.AddBuyerMessage("82004", "And is it warm?");
        await Eventually.TrueAsync(() => rig.Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("And is it warm?", StringComparison.Ordinal) == true), StaffGroupBridge.Timeout);

        var card = rig.Telegram.SentTo(Staff, topic).First(m => m.Buttons.Any(b => b.CallbackData == "export"));
        var press = rig.Telegram.EnqueueCallback(Staff, card.MessageId, StaffGroupBridge.StaffUser, DraftButtons.Latest);

        var answer = await Eventually.ValueAsync(() => rig.Telegram.CallbackAnswers.FirstOrDefault(a => a.CallbackQueryId == press), StaffGroupBridge.Timeout);
        Assert.Equal("Drafts are turned off.", answer.Text);
        Assert.DoesNotContain(rig.Telegram.SentTo(Staff, topic).SelectMany(m => m.Buttons), b => b.CallbackData?.StartsWith("draft", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task EndpointWithoutAModel_ExitsWithCode2_AndOneSentenceNamingTheSetting()
    {
        var settings = BridgeProcess.QuietSettings(Path.Combine(Directory.CreateTempSubdirectory("bridge-drafts-").FullName, "bridge.db"));
        settings["Drafts__Endpoint"] = "http://127.0.0.1:9/v1";

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Single(bridge.Lines, l => l.StartsWith("Configuration error: Drafts__Model is not set", StringComparison.Ordinal));
    }
}
