using Bot.Core.Translation;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Bot.Tests.Buyers;

/// <summary>What reaches a linked buyer from the seller's side is translated with the staff's language as the likely
/// one, so a short reply the compact detection models cannot tell does not load the complete models.</summary>
public sealed class BuyerPostLikelyLanguageTests
{
    [Fact]
    public async Task StaffReplyToALinkedBuyer_IsTranslatedWithTheStaffLanguageAsTheLikelyOne()
    {
        var translator = new Mock<ITranslationService> { CallBase = true }; // the overload with a likely language forwards to the one set up
        translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string text, string? source, string target, CancellationToken _) =>
                TranslationResult.Untranslated(text, source, target, TranslationStatus.Disabled));
        await using var buyer = await BuyerScenario.StartAsync(configure: services => services.AddSingleton(translator.Object));
        var topic = await buyer.OrderAsync("5301");
        await buyer.LinkAsync(topic);

        await buyer.StaffAsync(topic, "Grazie mille");

        Assert.True(buyer.Got(BuyerScenario.Buyer, "Grazie mille"));
        translator.Verify(t => t.TranslateAsync("Grazie mille", null, "en", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.AtLeastOnce);
    }
}
