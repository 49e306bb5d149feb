using Xunit.Sdk;

namespace Bot.Tests.Storage;

/// <summary>A fact of a storage test class that runs once per database (a nested class per database, see
/// <see cref="IPostgresVariant"/>): the PostgreSQL variant is skipped with one message where PostgreSQL is not
/// installed, except under CI=true, where it runs and fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Bot.Tests.Storage.DbFactDiscoverer", "Bot.Tests")]
public sealed class DbFactAttribute : FactAttribute;
