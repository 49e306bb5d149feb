namespace Bot.Core.Retention;

/// <summary>Rows one pruning deleted: the outbox and the translation cache, and each other
/// <see cref="IRetentionTarget"/> by what it holds.</summary>
public sealed record PruneReport(int DoneDeliveries, int DeadLetters, int TranslationCache, IReadOnlyDictionary<string, int> Settled)
{
    public int Total => DoneDeliveries + DeadLetters + TranslationCache + Settled.Values.Sum();
}
