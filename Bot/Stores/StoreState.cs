namespace Bot.Stores;

/// <summary>Where a store of the process stands.</summary>
public enum StoreState
{
    /// <summary>Its bridge is being built and started.</summary>
    Starting,

    /// <summary>Its bridge runs.</summary>
    Running,

    /// <summary>Its bridge is draining and stopping (its file was changed or removed, or the process stops).</summary>
    Stopping,

    /// <summary>It does not run: its file or its start failed, or it stopped by itself; it is tried again once its file changes.</summary>
    Failed,
}
