namespace Bot.Tests.Fakes.Telegram.Json;

internal sealed record AcceptedGiftTypesJson(bool UnlimitedGifts, bool LimitedGifts, bool UniqueGifts, bool PremiumSubscription);
