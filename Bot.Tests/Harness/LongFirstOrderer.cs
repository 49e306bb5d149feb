using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Bot.Tests.Harness.LongFirstOrderer", "Bot.Tests")]

namespace Bot.Tests.Harness;

/// <summary>The order in which the test classes (one collection each) are started, four at a time
/// (xunit.runner.json): the classes marked <see cref="RunsLongAttribute"/> first, then the others, each group in
/// xUnit's own order. A run ends when its last class ends: started last, a long class would hold the run for its whole
/// length while the other slots stand idle.</summary>
public sealed class LongFirstOrderer : ITestCollectionOrderer
{
    private const string Prefix = "Test collection for ";

    private readonly DefaultTestCollectionOrderer standard = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        standard.OrderTestCollections(testCollections).OrderBy(c => RunsLong(c) ? 0 : 1).ToList();

    /// <summary>Whether the collection is the one of a class marked <see cref="RunsLongAttribute"/> (xUnit names each
    /// class's own collection after the class), or a named collection whose definition is marked.</summary>
    public static bool RunsLong(ITestCollection collection) =>
        (collection.CollectionDefinition is IReflectionTypeInfo definition ? definition.Type : ClassOf(collection))
            ?.GetCustomAttribute<RunsLongAttribute>() is not null;

    private static Type? ClassOf(ITestCollection collection) =>
        collection.DisplayName.StartsWith(Prefix, StringComparison.Ordinal)
            ? typeof(LongFirstOrderer).Assembly.GetType(collection.DisplayName[Prefix.Length..])
            : null;
}
