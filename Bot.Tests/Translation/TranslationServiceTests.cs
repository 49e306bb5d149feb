using Bot.Core.Translation;
using Bot.Testing;
using Bot.Testing.Translation;

namespace Bot.Tests.Translation;

[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TranslationServiceTests(DetectorFixture detector)
{
    private readonly FakeTranslationApi api = new();

    [Fact]
    public async Task SameText_IsTranslatedOnce_ThenServedFromTheCache()
    {
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        var first = await host.Service.TranslateAsync("Товар пришёл с браком, хочу вернуть деньги", null, "en", CancellationToken.None);
        var second = await host.Service.TranslateAsync("Товар пришёл с браком, хочу вернуть деньги", null, "en", CancellationToken.None);

        Assert.Single(api.Requests);
        Assert.Equal(first, second);
        Assert.Equal((1, 1), (host.Metrics.CacheHits, host.Metrics.Requests));
        Assert.Equal(1, await host.CacheRowsAsync());
    }

    [Fact]
    public async Task DifferentTarget_IsANewRequest()
    {
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        await host.Service.TranslateAsync("Товар пришёл с браком", "ru", "en", CancellationToken.None);
        await host.Service.TranslateAsync("Товар пришёл с браком", "ru", "de", CancellationToken.None);

        Assert.Equal(["en", "de"], api.Requests.Select(r => r.Target));
        Assert.Equal(2, await host.CacheRowsAsync());
    }

    [Theory]
    [InlineData("Hello, when will you ship my order?", null, "en")]
    [InlineData("Hello, when will you ship my order?", "en-US", "en")]
    [InlineData("Здравствуйте, когда отправите мой заказ?", null, "ru")]
    public async Task SameLanguage_IsNotSent(string text, string? source, string target)
    {
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync(text, source, target, CancellationToken.None);

        Assert.Equal((TranslationStatus.NotNeeded, text), (result.Status, result.Text));
        Assert.Empty(api.Requests);
        Assert.Equal(1, host.Metrics.Skipped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("👍🙏❤️")]
    [InlineData("LP00123456789012 https://global.cainiao.com/detail.htm?mailNoList=LP00123456789012")]
    [InlineData("8123456789012345 — €12.50 👍")]
    public async Task NothingToTranslate_IsNotSent(string text)
    {
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync(text, null, "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.NotNeeded, text), (result.Status, result.Text));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Failure_IsNotCached_AndIsRetriedNextTime()
    {
        api.Mode = FakeMode.TooManyRequests;
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        var failed = await host.Service.TranslateAsync("Где посылка?", "ru", "en", CancellationToken.None);
        var rowsAfterFailure = await host.CacheRowsAsync();
        api.Mode = FakeMode.Translate;
        var retried = await host.Service.TranslateAsync("Где посылка?", "ru", "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.Failed, "Где посылка?", "LibreTranslate"), (failed.Status, failed.Text, failed.Provider));
        Assert.Equal(0, rowsAfterFailure);
        Assert.Equal((TranslationStatus.Translated, "ГДЕ ПОСЫЛКА?"), (retried.Status, retried.Text));
        Assert.Equal((2, 1), (api.Requests.Count, (int)host.Metrics.Failures));
    }

    [Fact]
    public async Task ProviderThatNeverAnswers_TimesOutAsFailed()
    {
        api.Mode = FakeMode.Hang;
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server, ("Timeout", "00:00:00.300"));

        var result = await host.Service.TranslateAsync("Где посылка?", "ru", "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.Failed, "Где посылка?"), (result.Status, result.Text));
        Assert.Equal(1, host.Metrics.Failures);
    }

    [Fact]
    public async Task TranslationEqualToTheInput_IsNotNeeded()
    {
        api.Transform = FakeTranslationApi.Identity;
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync("Merci", null, "en", CancellationToken.None);

        Assert.Equal(TranslationStatus.NotNeeded, result.Status);
        Assert.False(result.IsTranslated);
    }

    [Fact]
    public async Task LostPlaceholder_GivesFailedWithTheOriginal_AndIsNotCached()
    {
        api.Transform = (text, _) => text.Replace("⟦1⟧", string.Empty, StringComparison.Ordinal);
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync("Мой трек RB123456789CN не работает", "ru", "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.Failed, "Мой трек RB123456789CN не работает"), (result.Status, result.Text));
        Assert.Equal(0, await host.CacheRowsAsync());
    }

    [Fact]
    public async Task MixedLanguageText_IsTranslatedFromItsDominantLanguage()
    {
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync("Hello! Подскажите, пожалуйста, когда придёт мой заказ, очень жду", null, "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.Translated, "ru"), (result.Status, result.SourceLanguage));
    }

    [Fact]
    public async Task ShortUnclearText_WithALikelyLanguage_GoesToTheProviderToDetect_WithoutLoadingTheCompleteModels()
    {
        await using var server = await StartAsync();
        await using var host = await CreateHostAsync(server);
        var full = detector.Detection.Full!;
        full.Unload(); // the detector is shared: another test may have loaded them
        var loads = full.Loads;

        var likely = await host.Service.TranslateAsync("Grazie mille", null, "it", "en", CancellationToken.None);

        Assert.Equal((false, loads), (full.IsLoaded, full.Loads));
        Assert.Equal((TranslationStatus.Translated, null), (likely.Status, likely.SourceLanguage));
        Assert.Equal("auto", Assert.Single(api.Requests).Source);

        // Without a likely language the same text loads them, as before, and they tell it.
        var unknown = await host.Service.TranslateAsync("Grazie mille", null, "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.Translated, "it"), (unknown.Status, unknown.SourceLanguage));
        Assert.Equal(loads + 1, full.Loads);
        Assert.Equal("it", api.Requests.Last().Source);
        full.Unload();
    }

    [Fact]
    public async Task NoProvider_ReportsDisabled_WithTheDetectedLanguage()
    {
        await using var host = await TranslationTestHost.CreateAsync(detector, TranslationTestHost.Settings("None"));

        var result = await host.Service.TranslateAsync("Olá, quando vocês vão enviar o meu pedido?", null, "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.Disabled, "pt", "Olá, quando vocês vão enviar o meu pedido?"), (result.Status, result.SourceLanguage, result.Text));
        Assert.Equal("es", (await host.Service.TranslateAsync("Hola, ¿cuándo llegará mi pedido?", null, "en", CancellationToken.None)).SourceLanguage);
    }

    private Task<LoopbackServer> StartAsync() => LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));

    private Task<TranslationTestHost> CreateHostAsync(LoopbackServer server, params (string Key, string? Value)[] extra) =>
        TranslationTestHost.CreateAsync(detector, TranslationTestHost.Settings("LibreTranslate", [("LibreTranslate:Url", server.Url), .. extra]));
}
