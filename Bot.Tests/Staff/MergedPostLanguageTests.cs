using Bot.Core.Storage;
using Bot.Core.Translation;
using Bot.Tests.Harness;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Bot.Tests.Staff;

/// <summary>Posts merged into one send are read together, but prepared one after another as if each were read anew:
/// the language learned from the first is the conversation's, and a second post in another language does not replace it
/// (it is translated with that language as the likely one).</summary>
public sealed class MergedPostLanguageTests : IAsyncLifetime
{
    private readonly Mock<ITranslationService> translator = new() { CallBase = true }; // the overload with a likely language forwards to the one set up
    private CoreHarness harness = null!;

    public async Task InitializeAsync()
    {
        // A detection that names the language each text starts with ("de: ...").
        translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string text, string? source, string target, CancellationToken _) =>
                TranslationResult.Untranslated(text, source ?? text[..2], target, TranslationStatus.Disabled));
        harness = await CoreHarness.StartAsync(configure: services => services.AddSingleton(translator.Object));
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task TwoPostsInTwoLanguages_MergedInOneSend_TheConversationKeepsTheFirstLanguageLearned()
    {
        harness.Marketplace.AddBuyerMessage("9501", "de: Wann wird meine Bestellung verschickt?");
        harness.Marketplace.AddBuyerMessage("9501", "fr: Il manque un article dans la boîte.");

        await harness.RunAsync();

        var sent = Assert.Single(harness.Gateway.Texts); // the card with both posts under it
        Assert.Contains("Wann wird", sent.Html, StringComparison.Ordinal);
        Assert.Contains("Il manque", sent.Html, StringComparison.Ordinal);
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var languages = await connection.QueryAsync<string?>(
            "SELECT m.language FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.external_id = '9501' ORDER BY m.id");
        Assert.Equal(["de", "fr"], languages);
        Assert.Equal("de", await connection.ExecuteScalarAsync<string?>("SELECT buyer_language FROM conversations WHERE external_id = '9501'"));

        // The likely language each post was translated with: none known for the first; for the second, the one the
        // first taught (so a short text the compact models cannot tell would not load the complete ones).
        translator.Verify(t => t.TranslateAsync(It.Is<string>(s => s.StartsWith("de:", StringComparison.Ordinal)), null, null, "en", It.IsAny<CancellationToken>()), Times.Once);
        translator.Verify(t => t.TranslateAsync(It.Is<string>(s => s.StartsWith("fr:", StringComparison.Ordinal)), null, "de", "en", It.IsAny<CancellationToken>()), Times.Once);
    }
}
