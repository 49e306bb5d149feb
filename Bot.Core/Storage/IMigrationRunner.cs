namespace Bot.Core.Storage;

/// <summary>Brings the database's schema up to date: applies the scripts it has not applied yet, in order.</summary>
public interface IMigrationRunner
{
    /// <returns>How many scripts were applied.</returns>
    Task<int> ApplyAsync(CancellationToken cancellationToken);
}
