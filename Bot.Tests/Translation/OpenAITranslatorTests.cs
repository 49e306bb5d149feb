using Bot.Core.Translation;
using Bot.Core.Translation.Providers;
using Bot.Testing;
using Bot.Testing.Translation;

namespace Bot.Tests.Translation;

[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class OpenAITranslatorTests(DetectorFixture detector)
{
    private const string Model = "gpt-4o-mini";
    private readonly FakeTranslationApi api = new();

    [Theory]
    [InlineData("sk-test")]
    [InlineData(null)]
    public async Task Request_MatchesTheApi_AndTheAnswerIsUsed(string? apiKey)
    {
        api.Transform = (text, target) => $"[{target}] {text}";
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeOpenAI(api, apiKey, Model));
        await using var host = await CreateHostAsync(server.Url, apiKey);

        var result = await host.Service.TranslateAsync("你好，我的订单什么时候发货？ 👍", null, "en", CancellationToken.None);

        Assert.Empty(api.Problems);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("/v1/chat/completions", "en"), (request.Path, request.Target));
        Assert.Equal("你好，我的订单什么时候发货？ ⟦1⟧", request.Text);
        Assert.Equal((TranslationStatus.Translated, "zh"), (result.Status, result.SourceLanguage));
        Assert.Equal("[en] 你好，我的订单什么时候发货？ 👍", result.Text);
    }

    [Fact]
    public async Task Garbage_GivesFailedWithTheOriginal()
    {
        api.Mode = FakeMode.Garbage;
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeOpenAI(api, null, Model));
        await using var host = await CreateHostAsync(server.Url + "/v1", null);

        var result = await host.Service.TranslateAsync("Where is my parcel? It has been 20 days", "en", "ru", CancellationToken.None);

        Assert.Equal((TranslationStatus.Failed, "Where is my parcel? It has been 20 days"), (result.Status, result.Text));
        Assert.Single(api.Requests);
    }

    [Theory]
    [InlineData("https://api.openai.com", "https://api.openai.com/v1/chat/completions")]
    [InlineData("http://127.0.0.1:11434/v1/", "http://127.0.0.1:11434/v1/chat/completions")]
    [InlineData("http://proxy/openai/v1/chat/completions", "http://proxy/openai/v1/chat/completions")]
    public void CompletionsUrl_AcceptsBaseOrFullUrl(string url, string expected) =>
        Assert.Equal(expected, new OpenAIOptions { Url = url }.CompletionsUri().ToString());

    private Task<TranslationTestHost> CreateHostAsync(string url, string? apiKey) =>
        TranslationTestHost.CreateAsync(detector, TranslationTestHost.Settings(
            "OpenAI", ("OpenAI:Url", url), ("OpenAI:ApiKey", apiKey), ("OpenAI:Model", Model)));
}
