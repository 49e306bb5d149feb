using Bot.Core.Drafts;

namespace Bot.Tests.Drafts;

/// <summary>Each unusable drafts setting is refused with one sentence naming the variable to set; no endpoint is fine
/// (drafts off).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DraftOptionsTests
{
    [Theory]
    [InlineData("ftp://models.example/v1", "m", "00:01:00", 20, "Drafts__Endpoint must be an http(s) URL")]
    [InlineData("http://127.0.0.1:11434/v1", " ", "00:01:00", 20, "Drafts__Model is not set")]
    [InlineData("http://127.0.0.1:11434/v1", "m", "00:00:00", 20, "Drafts__Timeout must be more than zero")]
    [InlineData("http://127.0.0.1:11434/v1", "m", "00:01:00", 0, "Drafts__RecentMessages must be between 1 and 200")]
    public void UnusableSetting_IsRefused_WithASentenceNamingIt(string endpoint, string model, string timeout, int recent, string sentence)
    {
        var options = new DraftOptions { Endpoint = endpoint, Model = model, Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), RecentMessages = recent };

        var result = new DraftOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(sentence, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NoEndpoint_IsDraftsOff_AndValid()
    {
        var options = new DraftOptions();

        Assert.False(options.Enabled);
        Assert.True(new DraftOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions")]
    [InlineData("http://127.0.0.1:11434/v1/", "http://127.0.0.1:11434/v1/chat/completions")]
    [InlineData("http://llm.local/v1/chat/completions", "http://llm.local/v1/chat/completions")]
    public void Requests_GoTo_EndpointSlashChatCompletions(string endpoint, string uri) =>
        Assert.Equal(uri, new DraftOptions { Endpoint = endpoint, Model = "m" }.CompletionsUri().ToString());
}
