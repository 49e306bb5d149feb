using Bot.Marketplace.AliExpress;

namespace Bot.Tests.AliExpress;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class IopSignerTests
{
    [Fact]
    public void Sign_RestCall_MatchesPublishedTestVector()
    {
        var parameters = new Dictionary<string, string?>
        {
            ["app_key"] = "123456",
            ["timestamp"] = "1517820392000",
            ["sign_method"] = "sha256",
            ["access_token"] = "test",
            ["order_id"] = "1234",
        };

        var sign = IopSigner.Sign(parameters, "helloworld", "/order/get");

        Assert.Equal("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A", sign);
    }

    [Fact]
    public void Sign_IgnoresSignAndEmptyValues()
    {
        var plain = new Dictionary<string, string?> { ["b"] = "2", ["a"] = "1" };
        var noisy = new Dictionary<string, string?> { ["a"] = "1", ["sign"] = "OLD", ["empty"] = "", ["none"] = null, ["b"] = "2" };

        Assert.Equal(IopSigner.Sign(plain, "s"), IopSigner.Sign(noisy, "s"));
    }
}
