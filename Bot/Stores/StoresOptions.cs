namespace Bot.Stores;

/// <summary>Section "Stores": when <see cref="Directory"/> is set, the process serves every store that has a settings
/// file there (<c>&lt;store-id&gt;.json</c>), each as its own bridge; without it the process is one store as always.</summary>
public sealed class StoresOptions
{
    /// <summary>The directory of the stores' settings files (<c>Stores__Directory</c>).</summary>
    public string? Directory { get; set; }

    /// <summary>How often the directory is read again (files added, changed or removed); a change the file system
    /// reports is seen at once.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a store whose start failed for a reason outside its file (its database server not up yet, its
    /// port or bot still held elsewhere) waits before it is started again; each further failure doubles the wait, up to
    /// <see cref="MaxRetryDelay"/>. A store whose file cannot work waits for its file to change instead.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two starts of a store that keeps failing to start.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the overview waits for each store's readiness checks.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
