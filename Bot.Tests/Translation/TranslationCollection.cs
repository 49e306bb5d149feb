namespace Bot.Tests.Translation;

/// <summary>Translation tests share the detector and run one class at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class TranslationCollection : ICollectionFixture<DetectorFixture>
{
    public const string Name = "Translation";
}
