using System.Security.Cryptography;
using System.Text;
using Bot.Core.Buyers;
using Bot.Core.Chat;
using Bot.Core.Telemetry;
using Bot.Startup;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Bot.TelegramApi;

internal static class TelegramHostExtensions
{
    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration("Telegram").ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

        // The library retries 429s itself when retry_after is short, blocking the caller; the outbox does that
        // better (it keeps other chats moving), so the library's retries are off.
        services.AddHttpClient("telegram")
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.RequestTimeout
                + TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollTimeoutSeconds))
            .RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram");
            return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken, o.ApiBaseUrl) { RetryCount = 0 }, http);
        });
        services.AddChatGateway<TelegramChatGateway>();
        services.AddSingleton<IBotIdentity, TelegramBotIdentity>();
        // Invitation codes are derived with a key kept out of the database; by default it comes from the token.
        services.AddOptions<BuyerOptions>().PostConfigure<IOptions<TelegramOptions>, IConfiguration>((buyers, telegram, configuration) =>
        {
            // While the Telegram settings are invalid the token is taken as written: the bridge does not start then
            // (Telegram__BotToken's own sentence says why), and the key derived here only keeps that the one sentence.
            var token = telegram.OrNull()?.BotToken ?? configuration["Telegram:BotToken"] ?? "";
            if (buyers.InviteKey.Length == 0)
            {
                buyers.InviteKey = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "buyer-invite-key"u8));
            }
        });
        services.AddHostedService<StaffChatCheck>();
        services.AddSingleton<UpdateMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICounterSource, UpdateMetrics>(sp => sp.GetRequiredService<UpdateMetrics>()));
        services.AddSingleton<ParkedUpdateRetrier>();
        services.AddHostedService<BotOwnership>(); // before UpdateReceiver: no getUpdates with another store's bot
        services.AddHostedService<UpdateReceiver>();
        return services;
    }
}
