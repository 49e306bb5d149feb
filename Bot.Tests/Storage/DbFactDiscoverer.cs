using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bot.Tests.Storage;

/// <summary>Discovers a <see cref="DbFactAttribute"/>: a fact, skipped for PostgreSQL where it cannot run.</summary>
public sealed class DbFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgresSkip.Reason(testMethod) is { } reason
            ? PostgresSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
