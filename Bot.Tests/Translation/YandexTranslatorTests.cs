using Bot.Core.Translation;
using Bot.Testing;
using Bot.Testing.Translation;

namespace Bot.Tests.Translation;

[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class YandexTranslatorTests(DetectorFixture detector)
{
    private const string Key = "AQVN-test-key";
    private const string Folder = "b1g0000000000000";
    private readonly FakeTranslationApi api = new();

    [Fact]
    public async Task Request_MatchesTheApi_AndTheAnswerIsUsed()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeYandex(api, Key, Folder));
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync("Hello, when will you ship my order? @seller_bot", null, "ru", CancellationToken.None);

        Assert.Empty(api.Problems);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("/translate/v2/translate", "Api-Key " + Key, "en", "ru"), (request.Path, request.Authorization, request.Source, request.Target));
        Assert.Equal((TranslationStatus.Translated, "HELLO, WHEN WILL YOU SHIP MY ORDER? @seller_bot"), (result.Status, result.Text));
    }

    [Fact]
    public async Task TenThousandCharacters_StayUnderTheTenThousandCharacterLimit()
    {
        var text = LongText.Build(10_000) + " Спасибо!";
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeYandex(api, Key, Folder));
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync(text, "ru", "en", CancellationToken.None);

        Assert.Empty(api.Problems);
        Assert.True(api.Requests.Count >= 2);
        Assert.Equal(TranslationStatus.Translated, result.Status);
    }

    [Fact]
    public async Task TooManyRequests_GivesFailedWithTheOriginal()
    {
        api.Mode = FakeMode.TooManyRequests;
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeYandex(api, Key, Folder));
        await using var host = await CreateHostAsync(server);

        var result = await host.Service.TranslateAsync("Hello, where is my parcel?", "en", "ru", CancellationToken.None);

        Assert.Equal((TranslationStatus.Failed, "Hello, where is my parcel?"), (result.Status, result.Text));
    }

    private Task<TranslationTestHost> CreateHostAsync(LoopbackServer server) =>
        TranslationTestHost.CreateAsync(detector, TranslationTestHost.Settings(
            "Yandex", ("Yandex:ApiKey", Key), ("Yandex:FolderId", Folder), ("Yandex:Url", server.Url)));
}
