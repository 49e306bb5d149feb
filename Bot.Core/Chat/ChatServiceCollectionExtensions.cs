using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>The chat side the core needs whatever the platform: the staff chat, Telegram's send budgets and the
    /// reactions each chat takes. The host adds its gateway with <see cref="AddChatGateway{T}"/>.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddOptions<StaffChatOptions>().BindConfiguration(StaffChatOptions.Section)
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, configuration) =>
                o.StaffLanguage = configuration["Relay:StaffLanguage"] is { Length: > 0 } language ? language : o.StaffLanguage)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffChatOptions>, StaffChatOptionsValidator>();
        services.AddOptions<ChatRateOptions>().BindConfiguration("Telegram:Limits")
            .Validate(o => o.PrivatePerSecond >= 1 && o.GroupPerMinute >= 1 && o.GlobalPerSecond >= 1, "Telegram__Limits values must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<ReactionAvailability>();
        return services;
    }

    /// <summary>Registers the platform gateway behind the rate limiter: every send the core makes is scheduled.</summary>
    public static IServiceCollection AddChatGateway<T>(this IServiceCollection services)
        where T : class, IChatGateway
    {
        services.AddSingleton<T>();
        services.AddSingleton<IChatGateway>(sp => new ThrottledChatGateway(sp.GetRequiredService<T>(), sp.GetRequiredService<ChatRateLimiter>()));
        return services;
    }
}
