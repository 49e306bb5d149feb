using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bot.Tests.Storage;

/// <summary>Discovers a <see cref="DbTheoryAttribute"/>: a theory, skipped for PostgreSQL where it cannot run.</summary>
public sealed class DbTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        PostgresSkip.Reason(testMethod) is { } reason
            ? PostgresSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
