using Bot.Core.Conversations;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Bot.Tests.MarketplaceRelay;

/// <summary>While the translator is down, a staff reply still goes out (the bridge never blocks on translation), but
/// under a note that says it is untranslated, staff are told, and it is counted.</summary>
public sealed class UntranslatedReplyTests : IAsyncLifetime
{
    private readonly Mock<ITranslationService> translator = new() { CallBase = true }; // the overload with a likely language forwards to the one set up
    private CoreHarness harness = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string text, string? source, string target, CancellationToken _) =>
                new TranslationResult(text, text, source, target, TranslationStatus.Failed, "fake"));
        harness = await CoreHarness.StartAsync(configure: services => services.AddSingleton(translator.Object));
        topic = await harness.OpenTopicAsync("9401", "¿Dónde está mi pedido?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task PhotoCaption_GoesThroughTranslationLikeAReply_AfterTheImage()
    {
        await SetBuyerLanguageAsync("es");
        harness.Gateway.Files["photo-1"] = [0xFF, 0xD8, 0xFF];

        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 995, "Here it is.", photo: "photo-1"), CancellationToken.None);
        await harness.DrainAsync();

        var sent = harness.Marketplace.Sent.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.NotNull(sent[0].ImageUrl);
        Assert.StartsWith("(La traducción automática no está disponible", sent[1].Text, StringComparison.Ordinal);
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 995 && t.Html.Contains("Sent untranslated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es", "(La traducción automática no está disponible")]
    [InlineData("sw", "(Automatic translation is unavailable")]
    public async Task TranslatorDown_StaffReplyGoesOutUnderANote_StaffAreTold_AndItIsCounted(string buyerLanguage, string note)
    {
        await SetBuyerLanguageAsync(buyerLanguage);

        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 990, "It ships tomorrow."), CancellationToken.None);
        await harness.DrainAsync();

        var posted = Assert.Single(harness.Marketplace.Sent).Text;
        Assert.StartsWith(note, posted, StringComparison.Ordinal);
        Assert.EndsWith("\n\nIt ships tomorrow.", posted, StringComparison.Ordinal);
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 990 && r.Emoji == "👍");
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 990 && t.Html.Contains("Sent untranslated", StringComparison.Ordinal));
        Assert.Equal(1, harness.Get<RelayMetrics>().TotalSentUntranslated);
    }

    [Fact]
    public async Task TranslatorBackBeforeTheRetry_RetrySendsTheSameText()
    {
        await SetBuyerLanguageAsync("es");
        harness.Marketplace.FailNextSend(new Bot.Core.Marketplace.MarketplaceException(Bot.Core.Marketplace.MarketplaceErrorKind.Transient, "502"));

        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 991, "It ships tomorrow."), CancellationToken.None);
        await harness.DrainAsync();
        translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string text, string? source, string target, CancellationToken _) =>
                new TranslationResult(text, "Se envía mañana.", "en", target, TranslationStatus.Translated, "fake"));
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.DrainAsync();

        Assert.StartsWith("(La traducción automática no está disponible", Assert.Single(harness.Marketplace.Sent).Text, StringComparison.Ordinal);
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 991 && t.Html.Contains("Sent untranslated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslatedReply_HasNoNote_AndStaffGetOnlyTheTick()
    {
        await SetBuyerLanguageAsync("es");
        translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string text, string? source, string target, CancellationToken _) =>
                new TranslationResult(text, "Se envía mañana.", "en", target, TranslationStatus.Translated, "fake"));

        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 992, "It ships tomorrow."), CancellationToken.None);
        await harness.DrainAsync();

        Assert.StartsWith("Se envía mañana.", Assert.Single(harness.Marketplace.Sent).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Gateway.Texts, t => t.ReplyToMessageId == 992);
        Assert.Equal(0, harness.Get<RelayMetrics>().TotalSentUntranslated);
        // A staff reply is likely in the staff's language: a short one the compact models cannot tell loads nothing more.
        translator.Verify(t => t.TranslateAsync("It ships tomorrow.", null, "en", "es", It.IsAny<CancellationToken>()), Times.Once);
    }

    private async Task SetBuyerLanguageAsync(string language)
    {
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var conversation = await Dapper.SqlMapper.QuerySingleAsync<long>(session.Connection, "SELECT id FROM conversations", transaction: session.Transaction);
        await harness.Get<IConversationRepository>().SetBuyerLanguageAsync(session, conversation, language);
        await session.CommitAsync(CancellationToken.None);
    }
}
