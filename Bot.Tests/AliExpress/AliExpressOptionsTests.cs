using Bot.Marketplace.AliExpress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.AliExpress;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressOptionsTests
{
    [Fact]
    public void Options_MissingCredentials_FailWithSentencesNamingTheVariables_ButNoTokenIsNeeded()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Marketplace:AliExpress:AppKey"] = "500001",
            ["Marketplace:AliExpress:PageSize"] = "500",
        }).Build());
        services.AddAliExpress();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AliExpressOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Set Marketplace__AliExpress__AppSecret ", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("AccessToken", StringComparison.Ordinal)); // /connect gets one
        Assert.Contains(error.Failures, f => f.StartsWith("Set Marketplace__AliExpress__SellerLoginId ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Set Marketplace__AliExpress__PageSize ", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("AppKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Defaults_AreValidOnceCredentialsAreSet()
    {
        var options = new AliExpressOptions { AppKey = "1", AppSecret = "2", AccessToken = "3", SellerLoginId = "4" };

        var result = new AliExpressOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(("https://api-sg.aliexpress.com", 100, true), (options.GatewayUrl, options.PageSize, options.MarkReadAfterRelay));
    }

    [Fact]
    public void Options_PaceAndBudgetOutOfRange_FailWithSentencesNamingTheVariables()
    {
        var options = new AliExpressOptions
        {
            AppKey = "1", AppSecret = "2", AccessToken = "3", SellerLoginId = "4",
            PollInterval = TimeSpan.FromMinutes(1), IdlePollInterval = TimeSpan.FromSeconds(30), ActiveFor = TimeSpan.FromSeconds(-1), DailyCallBudget = -5,
        };

        var result = new AliExpressOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Set Marketplace__AliExpress__IdlePollInterval ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Set Marketplace__AliExpress__ActiveFor ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Set Marketplace__AliExpress__DailyCallBudget ", StringComparison.Ordinal));
    }
}
