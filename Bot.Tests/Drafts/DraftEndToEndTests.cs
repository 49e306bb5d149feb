using Bot.Core.Drafts;
using Bot.Core.Export;
using Bot.Core.Marketplace;
using Bot.Testing;
using Bot.Testing.Translation;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Drafts;

/// <summary>"✍️ Draft" through the real host: what the model is sent, the draft in the topic, and its Send button going
/// through the normal reply path once.</summary>
public sealed class DraftEndToEndTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long Staff = DraftRig.Staff;
    private const string Drafted = "Your parcel is on its way <tracking LP00999>. Wool & Co.";

    [Fact]
    public async Task DraftButton_SendsTheModelThisConversationOnly_WithTranslations_OrderFacts_AndPolicies_AndPostsTheDraftForStaff()
    {
        var translation = new FakeTranslationApi { Transform = (text, target) => $"[{target}] {text}" };
        await using var translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(translation, null));
        await using var rig = await DraftRig.StartAsync(s => Add(s, LibreTranslateHostSettings.For(translator)));
        var marketplace = rig.Bridge.Marketplace;
        marketplace.Orders["82001"] = new OrderFacts(
            "WAIT_BUYER_ACCEPT_GOODS", "Shipped", [new OrderItem("Wool scarf", 1, 20m, "USD")], 20m, "USD", "NO",
            [new OrderTracking("LP00999", "Cainiao")], new OrderDeadline("Confirm receipt by", DateTimeOffset.UtcNow.AddDays(10)), null);
        marketplace.AddBuyerMessage("82777", "Секретный вопрос другого покупателя", buyerId: "buyer-77", buyerName: "Olaf");
        await rig.ShownAsync(await rig.Bridge.TopicOfAsync("82777"), "Секретный вопрос");
        var topic = await rig.Bridge.TopicWithBuyerMessageAsync("82001", "Здравствуйте, где моя посылка?");
        await rig.ShownAsync(topic, "Confirm receipt by"); // the card read the order: its facts are stored
        marketplace.AddBuyerMessage("82001", "Прошло уже две недели, есть новости?");
        await rig.ShownAsync(topic, "[en] Прошло уже две недели");

        var press = await rig.PressAsync(topic, d => d.StartsWith(DraftButtons.Prefix, StringComparison.Ordinal));

        var answered = await rig.AnswerAsync(press);
        Assert.Equal("Drafting a reply…", answered.Text);
        var draft = await rig.ShownAsync(topic, "not sent: press Send");
        Assert.Contains(Drafted, draft.VisibleText, StringComparison.Ordinal);
        Assert.Contains("&lt;tracking LP00999&gt;. Wool &amp; Co.", draft.Text, StringComparison.Ordinal);
        Assert.Equal(DraftButtons.Send, Assert.Single(draft.Buttons).CallbackData);
        var request = Assert.Single(rig.Api.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + DraftRig.ApiKey, request.Authorization);
        Assert.Empty(rig.Api.Problems);
        foreach (var expected in new[]
        {
            "Здравствуйте, где моя посылка?", "[en] Здравствуйте, где моя посылка?", "Прошло уже две недели, есть новости?",
            "Status: Shipped", "Tracking: LP00999 (Cainiao)", "Confirm receipt by", "Wool scarf", DraftRig.Policies, "ISO 639-1 code 'en'",
        })
        {
            Assert.Contains(expected, request.Text, StringComparison.Ordinal);
        }

        output.WriteLine($"Sent to the model: {request.Text.Length} characters of content ({request.Body.GetRawText().Length} bytes of JSON); draft posted {(draft.SentAt - answered.At).TotalMilliseconds:F0} ms after the press was answered");
        var everything = request.Text + request.Body.GetRawText();
        foreach (var secret in new[] { "Секретный", "Olaf", "buyer-77", "buyer-1", rig.Telegram.Token, DraftRig.ApiKey, "test-app-secret", "test-session" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SendUnderTheDraft_PressedTwice_SendsItThroughTheOutboxToTheMarketplaceOnce_AsThePersonWhoPressed()
    {
        var translation = new FakeTranslationApi { Transform = (text, target) => $"[{target}] {text}" };
        await using var translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(translation, null));
        await using var rig = await DraftRig.StartAsync(s => Add(s, LibreTranslateHostSettings.For(translator)));
        rig.Telegram.AddPrivateChat(5002, "Kim");
        var topic = await rig.Bridge.TopicWithBuyerMessageAsync("82002", "Здравствуйте, где моя посылка?");
        await rig.AnswerAsync(await rig.PressAsync(topic, d => d == DraftButtons.Latest));
        var draft = await rig.ShownAsync(topic, "not sent: press Send");
        Assert.DoesNotContain(rig.Bridge.Marketplace.Sent, s => s.Text.Contains("on its way", StringComparison.Ordinal));
        await rig.StoredAsync(draft);

        var first = rig.Telegram.EnqueueCallback(Staff, draft.MessageId, 5002, DraftButtons.Send);
        var second = rig.Telegram.EnqueueCallback(Staff, draft.MessageId, StaffGroupBridge.StaffUser, DraftButtons.Send);

        Assert.Equal("Sending the draft to the buyer.", (await rig.AnswerAsync(first)).Text);
        Assert.Equal("This draft was already sent.", (await rig.AnswerAsync(second)).Text);
        var toBuyer = await Eventually.ValueAsync(() => rig.Bridge.Marketplace.Sent.FirstOrDefault(s => s.Text.Contains(Drafted, StringComparison.Ordinal)), StaffGroupBridge.Timeout);
        Assert.StartsWith("[ru] Your parcel is on its way", toBuyer.Text, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => rig.Telegram.Reactions(Staff, draft.MessageId).Contains("👍"), StaffGroupBridge.Timeout);
        var sent = await rig.ShownAsync(topic, "sent by Kim");
        Assert.Equal(draft.MessageId, sent.MessageId);
        Assert.Empty(sent.Buttons);
        var transcript = await rig.Bridge.Bridge.Get<TranscriptReader>().ReadByExternalIdAsync("82002", CancellationToken.None);
        var reply = Assert.Single(transcript!.Entries, e => e.Original == Drafted);
        Assert.Equal("Staff (Kim)", reply.Author);
        Assert.Single(rig.Bridge.Marketplace.Sent, s => s.Text.Contains(Drafted, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelTimeout_ServerError_AndRefusal_EachSaySoInOneLine_AfterThePressWasAnswered()
    {
        await using var rig = await DraftRig.StartAsync(s => s["Drafts:Timeout"] = "00:00:01");
        var topic = await rig.Bridge.TopicWithBuyerMessageAsync("82003", "Can I return it?");

        foreach (var (mode, line) in new[]
        {
            (FakeMode.Hang, "⚠️ No draft: the model did not answer within 1 s."),
            (FakeMode.ServerError, "⚠️ No draft: the model's server answered HTTP 500."),
            (FakeMode.Refuse, "⚠️ No draft: the model declined to write one."),
        })
        {
            rig.Api.Mode = mode;
            var press = await rig.PressAsync(topic, d => d == DraftButtons.Latest);
            var answer = await rig.AnswerAsync(press);
            var said = await rig.ShownAsync(topic, line);

            Assert.Equal("Drafting a reply…", answer.Text);
            Assert.True(answer.At <= said.SentAt, $"{mode}: the press was answered only after the model");
            Assert.Equal(line, said.VisibleText);
            Assert.Empty(said.Buttons);
        }

        Assert.DoesNotContain(rig.Telegram.SentTo(Staff, topic), m => m.VisibleText?.Contains("not sent: press Send", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ASlowAnswerToThePress_StillComesBeforeAnInstantNoDraftLine()
    {
        await using var rig = await DraftRig.StartAsync();
        var topic = await rig.Bridge.TopicWithBuyerMessageAsync("82004", "Is it waterproof?");
        rig.Api.Mode = FakeMode.ServerError; // the model's server answers at once
        rig.Telegram.DelayNext("answerCallbackQuery", TimeSpan.FromSeconds(1)); // Telegram takes the press's answer slowly

        var press = await rig.PressAsync(topic, d => d == DraftButtons.Latest);
        var answer = await rig.AnswerAsync(press);
        var said = await rig.ShownAsync(topic, "⚠️ No draft: the model's server answered HTTP 500.");

        // The writer starts once the press is answered: staff never see the outcome above a spinning button.
        Assert.True(answer.At <= said.SentAt, $"answered at {answer.At:HH:mm:ss.fff}, the line posted at {said.SentAt:HH:mm:ss.fff}");
    }

    private static void Add(Dictionary<string, string?> settings, Dictionary<string, string?> more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
    }
}
