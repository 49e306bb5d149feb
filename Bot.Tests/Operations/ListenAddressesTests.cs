using Bot.Operations.Access;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Operations;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("urls=http://127.0.0.1:8080")]
    [InlineData("urls=http://localhost:8080;http://[::1]:8081")]
    [InlineData("urls=http://unix:/run/bridge.sock")]
    [InlineData("urls=http://127.0.0.1:8080", "http_ports=8080")] // The container images set HTTP_PORTS; Urls wins.
    [InlineData]
    public void LoopbackOnly_IsNotBeyondLoopback(params string[] settings)
    {
        Assert.Null(ListenAddresses.FirstBeyondLoopback(Configuration(settings)));
    }

    [Theory]
    [InlineData("urls=http://0.0.0.0:8080")]
    [InlineData("urls=http://+:8080")]
    [InlineData("urls=http://bridge.internal:8080")]
    [InlineData("urls=http://127.0.0.1:8080;http://192.168.1.5:8080")]
    [InlineData("http_ports=8080")]
    [InlineData("urls=http://127.0.0.1:8080", "Kestrel:Endpoints:Public:Url=http://0.0.0.0:9090")]
    public void AnyOpenAddress_IsBeyondLoopback(params string[] settings)
    {
        Assert.NotNull(ListenAddresses.FirstBeyondLoopback(Configuration(settings)));
    }

    private static IConfiguration Configuration(string[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(p => new KeyValuePair<string, string?>(p[0], p[1])))
        .Build();
}
