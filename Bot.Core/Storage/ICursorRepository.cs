namespace Bot.Core.Storage;

/// <summary>Durable poll positions: the marketplace cursor per account, the Telegram update offset.</summary>
public interface ICursorRepository
{
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>The value and when it was last set; null when the cursor was never set.</summary>
    Task<(string? Value, DateTimeOffset UpdatedAt)?> GetWithTimeAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, string? value, CancellationToken cancellationToken);

    Task SetAsync(DbSession session, string name, string? value);

    /// <summary>How many cursors are stored: a cheap query that proves the database answers (the readiness check).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
