namespace Bot.Core.Retention;

/// <summary>Rows one pruning deleted.</summary>
public sealed record PruneReport(int DoneDeliveries, int DeadLetters, int TranslationCache)
{
    public int Total => DoneDeliveries + DeadLetters + TranslationCache;
}
