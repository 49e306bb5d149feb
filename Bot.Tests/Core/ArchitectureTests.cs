namespace Bot.Tests.Core;

public sealed class ArchitectureTests
{
    [Fact]
    public void Core_DoesNotReference_TelegramOrAspNet()
    {
        var references = typeof(Bot.Core.Relay.RelayOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains(references, r => r.StartsWith("Dapper", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Telegram", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase));
    }
}
