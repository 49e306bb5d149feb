using Bot.Core.Translation;
using Bot.Testing;
using Bot.Testing.Translation;

namespace Bot.Tests.Translation;

[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class MaskingRoundTripTests(DetectorFixture detector)
{
    private const string Message =
        "Здравствуйте @shop_support! Заказ 8123456789012345 оплачен (€12.50 + US $5), трек LP00123456789012 и RB123456789CN "
        + "не отслеживаются: https://track.aliexpress.com/logisticsdetail.htm?tradeId=8123456789012345. Пишите на buyer.ivan@mail.ru 🙏😡";

    private static readonly string[] Tokens =
    [
        "@shop_support", "8123456789012345", "€12.50", "US $5", "LP00123456789012", "RB123456789CN",
        "https://track.aliexpress.com/logisticsdetail.htm?tradeId=8123456789012345", "buyer.ivan@mail.ru", "🙏😡",
    ];

    public static TheoryData<string> Transforms() => new() { "upper", "reverse", "spaced" };

    [Theory]
    [MemberData(nameof(Transforms))]
    public async Task EveryProtectedToken_SurvivesTheProvider_AndIsNeverSentToIt(string transform)
    {
        var api = new FakeTranslationApi
        {
            Transform = transform switch
            {
                "reverse" => FakeTranslationApi.ReverseWords,
                "spaced" => FakeTranslationApi.UpperWithSpacedPlaceholders,
                _ => (text, _) => text.ToUpperInvariant(),
            },
        };
        await using var server = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        await using var host = await TranslationTestHost.CreateAsync(detector, TranslationTestHost.Settings("LibreTranslate", ("LibreTranslate:Url", server.Url)));

        var result = await host.Service.TranslateAsync(Message, null, "en", CancellationToken.None);

        Assert.Equal(TranslationStatus.Translated, result.Status);
        var sent = Assert.Single(api.Requests).Text;
        Assert.All(Tokens, token =>
        {
            Assert.Contains(token, result.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(token, sent, StringComparison.Ordinal);
        });
    }
}
