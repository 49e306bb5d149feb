namespace Bot.Testing.BotApi.Json;

internal sealed record AcceptedGiftTypesJson(bool UnlimitedGifts, bool LimitedGifts, bool UniqueGifts, bool PremiumSubscription);
