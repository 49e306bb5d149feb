namespace Bot.Marketplace.Demo;

/// <summary>The buyers of one language: their names, how they thank, and per topic what they write first and what
/// they ask after the store's first answer.</summary>
internal sealed record DemoLanguage(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Thanks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Lines);
