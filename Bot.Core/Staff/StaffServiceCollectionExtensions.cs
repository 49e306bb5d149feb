using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Staff.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>Staff in the staff supergroup: a topic per conversation with its order card, replies and edits going
    /// to the marketplace, and the commands and buttons staff use in a topic.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateOnStart();
        services.TryAddSingleton<ITopicMarks, PlainTopicMarks>(); // the workflow's marks replace these
        services.AddSingleton<TopicResolver>();
        services.AddSingleton<StaffPostPreparer>();
        services.AddSingleton<StaffImageSender>();
        services.AddSingleton<StaffFileSender>();
        services.AddSingleton<PostSender>();
        services.AddSingleton<StaffPostHandler>();
        services.AddSingleton<IDeliveryHandler>(sp => sp.GetRequiredService<StaffPostHandler>());
        // Told when a completion is committed, so it keeps a post's last copy until then.
        services.AddSingleton<IDeliveryObserver>(sp => sp.GetRequiredService<StaffPostHandler>());
        services.AddSingleton<StaffEditHandler>();
        services.AddSingleton<AnsweredMessages>();
        services.AddSingleton<StaffMessageHandler>();
        services.AddSingleton<IChatRoute>(sp => sp.GetRequiredService<StaffMessageHandler>());
        services.AddSingleton<IStaffCommand, LanguageCommand>();
        services.AddSingleton<InviteCommand>();
        services.AddSingleton<IStaffCommand>(sp => sp.GetRequiredService<InviteCommand>());
        services.AddSingleton<IStaffCommand, StaffTemplatesCommand>();
        services.AddSingleton<IStaffCommand, StaffUnlinkCommand>();
        services.AddSingleton<IStaffCommand, StaffRevokeCommand>();
        services.AddSingleton<ICallbackHandler, InviteCallback>();
        services.AddSingleton<ICallbackHandler, StaffTemplateCallback>();
        services.AddSingleton<ExportCommand>();
        services.AddSingleton<IStaffCommand>(sp => sp.GetRequiredService<ExportCommand>());
        services.AddSingleton<ICallbackHandler, ExportCallback>();
        return services;
    }
}
