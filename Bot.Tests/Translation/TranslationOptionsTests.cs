using Bot.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Translation;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TranslationOptionsTests
{
    [Theory]
    [InlineData("DeepL", "Translation__DeepL__ApiKey")]
    [InlineData("Yandex", "Translation__Yandex__ApiKey")]
    [InlineData("OpenAI", "Translation__OpenAI__Model")]
    [InlineData("LibreTranslate", "Translation__LibreTranslate__Url")]
    public async Task ChosenProviderWithoutItsSettings_StopsTheHost_NamingTheSetting(string provider, string setting)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Translation:Provider"] = provider });
        builder.Services.AddTranslation();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCandidateLanguage_StopsTheHost()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Translation:CandidateLanguages"] = "en,ru,xx" });
        builder.Services.AddTranslation();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Translation__CandidateLanguages", error.Message, StringComparison.Ordinal);
    }
}
