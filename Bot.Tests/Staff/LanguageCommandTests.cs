using Bot.Core.Conversations;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

public sealed class LanguageCommandTests
{
    [Fact]
    public async Task StaffSetTheBuyersLanguage_AndABadCodeIsExplained()
    {
        await using var harness = await CoreHarness.StartAsync();
        var topic = await harness.OpenTopicAsync("9100", "Hola");
        var updates = harness.Get<IChatUpdateHandler>();

        await updates.HandleMessageAsync(StaffMessages.Reply(topic, 300, "/lang ES"), CancellationToken.None);
        await updates.HandleMessageAsync(StaffMessages.Reply(topic, 301, "/lang spanish"), CancellationToken.None);
        await harness.DrainAsync();

        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var conversation = await harness.Get<IConversationRepository>().FindByTopicAsync(session, CoreHarness.StaffChatId, topic);
        Assert.Equal("es", conversation!.BuyerLanguage);
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 300 && t.Html.Contains("translated into “es”", StringComparison.Ordinal));
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 301 && t.Html.Contains("not a two-letter language code", StringComparison.Ordinal));
        Assert.Empty(harness.Marketplace.Sent);
    }
}
