using Xunit.Sdk;

namespace Bot.Tests.Storage;

/// <summary>The theory form of <see cref="DbFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Bot.Tests.Storage.DbTheoryDiscoverer", "Bot.Tests")]
public sealed class DbTheoryAttribute : TheoryAttribute;
