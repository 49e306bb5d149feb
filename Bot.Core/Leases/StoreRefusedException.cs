namespace Bot.Core.Leases;

/// <summary>The store does not start, for a reason about its bot that its message says in one sentence, with the
/// setting to change: what a process prints before it exits with code 2.</summary>
public abstract class StoreRefusedException(string sentence) : Exception(sentence);
