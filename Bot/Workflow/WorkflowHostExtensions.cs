namespace Bot.Workflow;

internal static class WorkflowHostExtensions
{
    /// <summary>The loop that runs the core's workflow (Bot.Core.Workflow, registered by AddBridgeCore).</summary>
    public static IServiceCollection AddWorkflowHost(this IServiceCollection services) =>
        services.AddHostedService<WorkflowWorker>();
}
