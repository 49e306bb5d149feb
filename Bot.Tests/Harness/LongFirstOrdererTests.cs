using System.Reflection;
using Bot.Tests.EndToEnd;
using Bot.Tests.Fuzz;
using Bot.Tests.Formatting;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bot.Tests.Harness;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class LongFirstOrdererTests
{
    [Fact]
    public void TheClassesMarkedAsLong_AreStartedFirst_TheOthersKeepXunitsOrder()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(LongFirstOrdererTests).Assembly));
        var collections = new[] { typeof(HtmlTests), typeof(BridgeFuzzTests), typeof(HtmlSplitterTests), typeof(CrashLoopTests), typeof(LongFirstOrdererTests) }
            .Select(t => (ITestCollection)new TestCollection(assembly, null, "Test collection for " + t.FullName))
            .ToList();
        var standard = new DefaultTestCollectionOrderer().OrderTestCollections(collections).ToList();

        var ordered = new LongFirstOrderer().OrderTestCollections(collections).ToList();

        Assert.Equal(collections.Count, ordered.Count);
        Assert.All(ordered.Take(2), c => Assert.True(LongFirstOrderer.RunsLong(c), c.DisplayName));
        Assert.All(ordered.Skip(2), c => Assert.False(LongFirstOrderer.RunsLong(c), c.DisplayName));
        Assert.Equal(standard.Where(LongFirstOrderer.RunsLong), ordered.Take(2));
        Assert.Equal(standard.Where(c => !LongFirstOrderer.RunsLong(c)), ordered.Skip(2));
    }

    [Fact]
    public void ANestedClass_IsFoundByItsCollectionsName()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(LongFirstOrdererTests).Assembly));

        Assert.True(LongFirstOrderer.RunsLong(new TestCollection(assembly, null, "Test collection for " + typeof(Marked.Nested).FullName)));
        Assert.False(LongFirstOrderer.RunsLong(new TestCollection(assembly, null, "Test collection for " + typeof(Marked).FullName)));
        Assert.False(LongFirstOrderer.RunsLong(new TestCollection(assembly, null, "A collection of its own name")));
    }

    [Fact]
    public void ANamedCollection_RunsLong_WhenItsDefinitionIsMarked_AndNoClassInOneIsMarkedInVain()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(LongFirstOrdererTests).Assembly));
        var translation = new TestCollection(assembly, Reflector.Wrap(typeof(Translation.TranslationCollection)), Translation.TranslationCollection.Name);
        var inVain = typeof(LongFirstOrdererTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<RunsLongAttribute>() is not null && t.GetCustomAttribute<CollectionAttribute>() is not null)
            .Select(t => t.FullName)
            .ToList();

        Assert.True(LongFirstOrderer.RunsLong(translation));
        Assert.True(inVain.Count == 0, "Marked as long but run in a named collection (mark the collection's definition):\n" + string.Join("\n", inVain));
    }

    private static class Marked
    {
        [RunsLong]
        public sealed class Nested;
    }
}
