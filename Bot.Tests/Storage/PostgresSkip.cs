using Bot.Testing.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bot.Tests.Storage;

/// <summary>Whether a discovered test is a PostgreSQL variant that cannot run here, and its skipped test case.</summary>
internal static class PostgresSkip
{
    public static string? Reason(ITestMethod method) =>
        PostgresBinaries.Missing is { } missing && !PostgresBinaries.UnderCi
        && typeof(IPostgresVariant).IsAssignableFrom(method.TestClass.Class.ToRuntimeType())
            ? missing
            : null;

    public static IXunitTestCase[] Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method, string reason) =>
        [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)];
}
