using Bot.Core.Retention;
using Bot.Core.Routing;
using Bot.Core.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The staff's workflow: waits for an answer, reminders, the daily digest, first-response times and who
    /// has a conversation (/claim, /unclaim, /stats). The host runs <see cref="WaitWatch.SweepAsync"/> in a loop.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowOptions>, WorkflowOptionsValidator>());
        services.AddSingleton<FirstResponseTimes>();
        services.AddSingleton<AnsweredWaits>();
        services.AddRetentionTarget<AnsweredWaits>();
        services.AddSingleton<WaitDigest>();
        services.AddSingleton<FirstResponseReport>();
        services.AddSingleton<OffHoursAcknowledgment>();
        services.AddSingleton<WaitWatch>();
        services.TryAddSingleton<ITopicClosePolicy, QuietIsEnough>();
        services.AddSingleton<TopicTidier>();
        services.AddSingleton<TopicTitles>();
        services.AddSingleton<ITopicMarks, StaffTopicMarks>();
        services.AddSingleton<CardEditor>();
        services.AddSingleton<ConversationClaims>();
        services.AddSingleton<IStaffCommand, ClaimCommand>();
        services.AddSingleton<IStaffCommand, UnclaimCommand>();
        services.AddSingleton<ICallbackHandler, ClaimCallback>();
        services.AddSingleton<ICallbackHandler, UnclaimCallback>();
        services.AddSingleton<IStaffGeneralCommand, StatsCommand>();
        services.AddSingleton<IStaffGeneralCommand, FindCommand>();
        return services;
    }
}
