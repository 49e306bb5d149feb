using Bot.Core.Translation;
using Bot.Core.Translation.Providers;
using Bot.Testing;
using Bot.Testing.Translation;

namespace Bot.Tests.Translation;

[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DeepLTranslatorTests(DetectorFixture detector)
{
    private const string Key = "279a2e9d-83b3-c416-7e2d-f721593e42a0:fx";
    private readonly FakeTranslationApi api = new();

    [Fact]
    public async Task Request_MatchesTheApi_AndTheAnswerIsUsed()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeDeepL(api, Key));
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync("¿Cuándo llegará mi pedido? Pagué 12,99 $", null, "en", CancellationToken.None);

        Assert.Empty(api.Problems);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("/v2/translate", "DeepL-Auth-Key " + Key, "ES", "EN-US"), (request.Path, request.Authorization, request.Source, request.Target));
        Assert.Equal((TranslationStatus.Translated, "¿CUÁNDO LLEGARÁ MI PEDIDO? PAGUÉ 12,99 $"), (result.Status, result.Text));
    }

    [Theory]
    [InlineData(FakeMode.TooManyRequests)]
    [InlineData(FakeMode.Garbage)]
    public async Task ProviderError_GivesFailedWithTheOriginal(FakeMode mode)
    {
        api.Mode = mode;
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeDeepL(api, Key));
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync("Wo ist mein Paket?", "de", "ru", CancellationToken.None);

        Assert.Equal((TranslationStatus.Failed, "Wo ist mein Paket?"), (result.Status, result.Text));
        Assert.Equal(1, host.Metrics.Failures);
    }

    [Fact]
    public async Task TenThousandCharacters_StayUnderTheBodyLimit()
    {
        api.MaxTextLength = new DeepLOptions().MaxChunkLength;
        var text = LongText.Build(10_000);
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeDeepL(api, Key));
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync(text, "ru", "de", CancellationToken.None);

        Assert.Empty(api.Problems);
        Assert.Equal((TranslationStatus.Translated, text.ToUpperInvariant()), (result.Status, result.Text));
    }

    [Theory]
    [InlineData("abc:fx", null, "https://api-free.deepl.com/")]
    [InlineData("abc", null, "https://api.deepl.com/")]
    [InlineData("abc:fx", "http://127.0.0.1:9/", "http://127.0.0.1:9/")]
    public void BaseUrl_FollowsTheKeyUnlessGiven(string key, string? url, string expected) =>
        Assert.Equal(expected, new DeepLOptions { ApiKey = key, Url = url }.BaseUri().ToString());

    [Theory]
    [InlineData("en", "EN-US")]
    [InlineData("pt", "PT-BR")]
    [InlineData("pt-PT", "PT-PT")]
    [InlineData("de", "DE")]
    public void TargetLanguage_AvoidsDeprecatedCodes(string code, string expected) => Assert.Equal(expected, DeepLTranslator.Target(code));

    private Task<TranslationTestHost> CreateHostAsync(LoopbackServer server) =>
        TranslationTestHost.CreateAsync(detector, TranslationTestHost.Settings("DeepL", ("DeepL:ApiKey", Key), ("DeepL:Url", server.Url)));
}
