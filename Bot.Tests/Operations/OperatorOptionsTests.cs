using Bot.Core.Chat;
using Bot.Core.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Operations;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class OperatorOptionsTests
{
    [Theory]
    [InlineData("111,222")]
    [InlineData("111; 222")]
    [InlineData("[111,222]")]
    public void OperatorIds_AsOneString_AreSplit(string value)
    {
        var options = Read(new() { ["Telegram:OperatorIds"] = value, ["Telegram:OperatorChatId"] = "-1005" });

        Assert.Equal([111L, 222L], options.OperatorIds);
        Assert.Equal(-1005, options.OperatorChatId);
    }

    [Fact]
    public void OperatorIds_AsAJsonArray_AreRead()
    {
        var options = Read(new() { ["Telegram:OperatorIds:0"] = "111", ["Telegram:OperatorIds:1"] = "333" });

        Assert.Equal([111L, 333L], options.OperatorIds);
        Assert.Null(options.OperatorChatId);
    }

    [Fact]
    public void BadOperatorId_FailsValidation_NamingTheVariable()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read(new() { ["Telegram:OperatorIds"] = "111,alice" }));

        Assert.Contains("Telegram__OperatorIds", error.Message);
    }

    [Fact]
    public void OperatorChat_EqualToStaffChat_FailsValidation()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read(new() { ["Telegram:OperatorChatId"] = "-1007", ["Telegram:StaffChatId"] = "-1007" }));

        Assert.Contains("Telegram__OperatorChatId", error.Message);
    }

    private static OperatorOptions Read(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddChat();
        services.AddOperators();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OperatorOptions>>().Value;
    }
}
