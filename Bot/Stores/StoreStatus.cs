namespace Bot.Stores;

/// <summary>One store as the process sees it: its file, its state since when, why it does not run (one sentence per
/// problem, secrets masked) and the addresses of its own status page and /metrics while it runs.</summary>
public sealed record StoreStatus(string Id, string File, StoreState State, DateTimeOffset Since, IReadOnlyList<string> Problems, IReadOnlyList<string> Urls);
