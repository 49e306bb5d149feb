namespace Bot.Marketplace.Demo;

/// <summary>The shape of <c>DemoBuyers.json</c>.</summary>
internal sealed record DemoBuyersFile(IReadOnlyList<DemoTopic> Topics, IReadOnlyDictionary<string, DemoLanguage> Languages);
