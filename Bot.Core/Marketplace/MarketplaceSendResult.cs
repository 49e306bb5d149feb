namespace Bot.Core.Marketplace;

/// <summary>The outcome of an accepted send.</summary>
/// <param name="MessageId">The marketplace's id of the new message, when the API gives one. When it is null the
/// message will come back through the poller without a link to what was sent, and the core matches it as an echo.</param>
public sealed record MarketplaceSendResult(string? MessageId);
