namespace Bot.Core.Leases;

/// <summary>Who does what among the instances that share the database, for operators.</summary>
/// <param name="InstanceId">This instance.</param>
/// <param name="Instances">The live instances (their own leases), this one included.</param>
/// <param name="Holders">The holder of each live lease of the pollers and workers, by lease name.</param>
public sealed record LeaseOverview(string InstanceId, IReadOnlyList<string> Instances, IReadOnlyDictionary<string, string> Holders);
