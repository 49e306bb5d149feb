using System.Net;
using Bot.Core.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Translation;

/// <summary>Translation failure reasons are a closed set, so every series can be exported from the start.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TranslationFailureReasonTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "rate_limited")]
    [InlineData(HttpStatusCode.Forbidden, "refused")]
    [InlineData(HttpStatusCode.PaymentRequired, "refused")]
    [InlineData(HttpStatusCode.BadGateway, "server_error")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "server_error")]
    public void HttpStatus_MapsToAKnownReason(HttpStatusCode status, string reason)
    {
        Assert.Equal(reason, TranslationFailureReasons.OfStatus(status));
        Assert.Contains(reason, TranslationFailureReasons.All);
    }

    [Fact]
    public void ConfiguredProvider_IsDeclaredWithEveryFailureReason()
    {
        using var services = new ServiceCollection().AddMetrics()
            .AddSingleton(Options.Create(new TranslationOptions { Provider = TranslationProvider.DeepL }))
            .AddSingleton<TranslationMetrics>().BuildServiceProvider();

        var failures = services.GetRequiredService<TranslationMetrics>().Counters.Definitions.Single(d => d.Name == "bridge.translation.failures");

        Assert.Equal(TranslationFailureReasons.All.Select(r => $"DeepL/{r}"), failures.KnownSeries().Select(v => string.Join('/', v)));
    }

    [Fact]
    public void NoProvider_DeclaresNoProviderSeries_ButStillTheSkips()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<TranslationMetrics>().BuildServiceProvider();

        var definitions = services.GetRequiredService<TranslationMetrics>().Counters.Definitions;

        Assert.Empty(definitions.Single(d => d.Name == "bridge.translation.requests").KnownSeries());
        Assert.Equal(2, definitions.Single(d => d.Name == "bridge.translation.skipped").KnownSeries().Count());
    }
}
