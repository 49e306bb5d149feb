namespace Bot.Tests.Translation;

/// <summary>Translation tests share the detector and run one class at a time (the machine has two cores):
/// together among the longest of the suite.</summary>
[CollectionDefinition(Name)]
[Harness.RunsLong]
public sealed class TranslationCollection : ICollectionFixture<DetectorFixture>
{
    public const string Name = "Translation";
}
