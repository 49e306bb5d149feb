namespace Bot.Drafts;

internal static class DraftsHostExtensions
{
    /// <summary>The loop that writes requested drafts (Bot.Core.Drafts, registered by AddBridgeCore).</summary>
    public static IServiceCollection AddDraftsHost(this IServiceCollection services) =>
        services.AddHostedService<DraftWorker>();
}
