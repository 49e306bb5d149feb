using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Log messages of the AliExpress adapter. Never a token, secret or signature; message bodies only at Debug.</summary>
internal static partial class AliExpressLog
{
    [LoggerMessage(1, LogLevel.Debug, "AliExpress call {Method} failed without an answer")]
    public static partial void CallFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "AliExpress answered {Method} with HTTP {StatusCode} and a body that is not JSON (request id {RequestId})")]
    public static partial void GarbledAnswer(ILogger logger, string method, int statusCode, string? requestId, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Garbled AliExpress answer to {Method}: {Body}")]
    public static partial void GarbledBody(ILogger logger, string method, string body);

    [LoggerMessage(4, LogLevel.Warning, "AliExpress answered {Method} with HTTP {StatusCode} (request id {RequestId})")]
    public static partial void HttpFailure(ILogger logger, string method, int statusCode, string? requestId);

    // Debug: the refusal is thrown to the caller, which logs it in its own terms (the poller, the outbox, the order
    // card's refresher once until a read works); a warning here would repeat it for every call.
    [LoggerMessage(5, LogLevel.Debug, "AliExpress refused {Method} ({Kind}, code {Code}): {PlatformMessage} (request id {RequestId})")]
    public static partial void PlatformError(ILogger logger, string method, MarketplaceErrorKind kind, string? code, string platformMessage, string? requestId);

    [LoggerMessage(6, LogLevel.Warning, "AliExpress relation listing {From}..{To} hit the {Cap}-row cap; narrowing the window")]
    public static partial void ListingCapped(ILogger logger, DateTimeOffset from, DateTimeOffset to, int cap);

    [LoggerMessage(7, LogLevel.Error, "AliExpress relation listing at {From} cannot be narrowed below one millisecond and still hits the row cap; rows beyond it are unreachable")]
    public static partial void ListingCapUnsplittable(ILogger logger, DateTimeOffset from);

    [LoggerMessage(8, LogLevel.Information, "AliExpress message {MessageId} in {ChannelId} has unknown message_type {MessageType}; treated as a chat message")]
    public static partial void UnknownMessageType(ILogger logger, string messageId, string channelId, string? messageType);

    [LoggerMessage(9, LogLevel.Warning, "AliExpress message without an id in {ChannelId} skipped")]
    public static partial void MessageWithoutId(ILogger logger, string channelId);

    [LoggerMessage(10, LogLevel.Debug, "AliExpress fetch: {Relations} relations, {Messages} messages, window {From}..{To}, more: {HasMore}")]
    public static partial void Fetched(ILogger logger, int relations, int messages, DateTimeOffset from, DateTimeOffset to, bool hasMore);

    [LoggerMessage(11, LogLevel.Warning, "AliExpress detail listing of {ChannelId} hit the {Cap}-row cap; older messages are unreachable")]
    public static partial void DetailCapped(ILogger logger, string channelId, int cap);

    [LoggerMessage(12, LogLevel.Warning, "AliExpress relation without channel_id skipped")]
    public static partial void RelationWithoutChannel(ILogger logger);

    [LoggerMessage(13, LogLevel.Warning, "AliExpress poll cursor cannot be read; starting again {Lookback} back")]
    public static partial void CursorUnreadable(ILogger logger, TimeSpan lookback);

    [LoggerMessage(14, LogLevel.Debug, "AliExpress message in {ChannelId} set aside for operators: {Reason}")]
    public static partial void MessageSetAside(ILogger logger, string channelId, string reason);

    [LoggerMessage(15, LogLevel.Warning, "AliExpress conversation {ChannelId} not marked processed (code {Code}): {PlatformMessage}")]
    public static partial void NotMarkedProcessed(ILogger logger, string channelId, string? code, string platformMessage);

    [LoggerMessage(16, LogLevel.Information, "AliExpress self-check {Method}: {Verdict}")]
    public static partial void SelfCheckAllowed(ILogger logger, string method, string verdict);

    [LoggerMessage(17, LogLevel.Warning, "AliExpress self-check {Method}: {Verdict}")]
    public static partial void SelfCheckRefused(ILogger logger, string method, string verdict);

    [LoggerMessage(18, LogLevel.Information, "AliExpress accepts the signature of the IM APIs {How} (tried on {Method}); later calls sign that way")]
    public static partial void ImSignature(ILogger logger, string method, string how);

    [LoggerMessage(19, LogLevel.Warning, "AliExpress message API switched from {From} to {To}: the gateway answered {Method} with {Code}: {PlatformMessage}")]
    public static partial void FamilySwitched(ILogger logger, string from, string to, string method, string? code, string platformMessage);

    [LoggerMessage(20, LogLevel.Debug, "AliExpress IM fetch: {Sessions} conversations listed, {Messages} messages since {Since}")]
    public static partial void ImFetched(ILogger logger, int sessions, int messages, DateTimeOffset since);

    [LoggerMessage(21, LogLevel.Debug, "AliExpress IM message in conversation {BuyerId} set aside for operators: {Reason}")]
    public static partial void ImMessageSetAside(ILogger logger, string buyerId, string reason);
}
