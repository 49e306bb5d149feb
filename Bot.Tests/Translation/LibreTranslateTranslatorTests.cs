using Bot.Core.Translation;
using Bot.Testing;
using Bot.Testing.Translation;

namespace Bot.Tests.Translation;

[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class LibreTranslateTranslatorTests(DetectorFixture detector)
{
    private readonly FakeTranslationApi api = new();

    [Theory]
    [InlineData("secret-key")]
    [InlineData(null)]
    public async Task Request_MatchesTheApi_AndTheAnswerIsUsed(string? apiKey)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, apiKey));
        await using var host = await CreateHostAsync(server, apiKey);

        var result = await host.Service.TranslateAsync("Где мой заказ 8123456789012345?", null, "en", CancellationToken.None);

        Assert.Empty(api.Problems);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("/translate", "ru", "en"), (request.Path, request.Source, request.Target));
        Assert.Equal("Где мой заказ ⟦1⟧?", request.Text);
        Assert.Equal(TranslationStatus.Translated, result.Status);
        Assert.Equal("ГДЕ МОЙ ЗАКАЗ 8123456789012345?", result.Text);
        Assert.Equal(("ru", "LibreTranslate"), (result.SourceLanguage, result.Provider));
    }

    [Fact]
    public async Task UndetectableSource_IsSentAsAuto()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        await using var host = await CreateHostAsync(server, null);

        await host.Service.TranslateAsync("Merci", null, "en", CancellationToken.None);

        Assert.Equal("auto", Assert.Single(api.Requests).Source);
        Assert.Empty(api.Problems);
    }

    [Theory]
    [InlineData(FakeMode.TooManyRequests)]
    [InlineData(FakeMode.Garbage)]
    public async Task ProviderError_GivesFailedWithTheOriginal(FakeMode mode)
    {
        api.Mode = mode;
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        await using var host = await CreateHostAsync(server, null);

        var result = await host.Service.TranslateAsync("Где мой заказ?", "ru", "en", CancellationToken.None);

        Assert.Equal((TranslationStatus.Failed, "Где мой заказ?"), (result.Status, result.Text));
        Assert.False(result.IsTranslated);
        Assert.Equal(1, host.Metrics.Failures);
    }

    [Fact]
    public async Task TenThousandCharacters_AreSentInPiecesUnderTheCharLimit()
    {
        api.MaxTextLength = 2000;
        var text = LongText.Build(10_000);
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        await using var host = await CreateHostAsync(server, null);

        var result = await host.Service.TranslateAsync(text, "ru", "en", CancellationToken.None);

        Assert.Empty(api.Problems);
        Assert.True(api.Requests.Count >= 5);
        Assert.Equal(TranslationStatus.Translated, result.Status);
        Assert.Equal(text.ToUpperInvariant(), result.Text);
        Assert.Equal(host.Metrics.Requests, api.Requests.Count);
    }

    private Task<TranslationTestHost> CreateHostAsync(LoopbackServer server, string? apiKey) =>
        TranslationTestHost.CreateAsync(detector, TranslationTestHost.Settings("LibreTranslate", ("LibreTranslate:Url", server.Url), ("LibreTranslate:ApiKey", apiKey)));
}
