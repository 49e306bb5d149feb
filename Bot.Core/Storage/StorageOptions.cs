namespace Bot.Core.Storage;

public sealed class StorageOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string, from <c>ConnectionStrings:Bridge</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=bridge.db";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
