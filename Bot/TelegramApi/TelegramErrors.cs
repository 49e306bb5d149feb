using Bot.Core.Chat;
using Telegram.Bot.Exceptions;

namespace Bot.TelegramApi;

/// <summary>Turns the client library's exceptions into the core's error kinds.</summary>
internal static class TelegramErrors
{
    public static ChatDeliveryException Map(Exception error) => error switch
    {
        ApiRequestException { ErrorCode: 429 } e => new(ChatErrorKind.RateLimited, e.Message, TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1), inner: e),
        ApiRequestException { Parameters.MigrateToChatId: { } newId } e => new(ChatErrorKind.ChatMigrated, e.Message, migrateToChatId: newId, inner: e),
        ApiRequestException e when Has(e, "message thread not found") => new(ChatErrorKind.TopicDeleted, e.Message, inner: e),
        ApiRequestException e when Has(e, "TOPIC_CLOSED") => new(ChatErrorKind.TopicClosed, e.Message, inner: e),
        ApiRequestException { ErrorCode: 403 } e when Has(e, "blocked by the user") || Has(e, "user is deactivated") => new(ChatErrorKind.UserBlocked, e.Message, inner: e),
        ApiRequestException e when Has(e, "REACTION_INVALID") => new(ChatErrorKind.ReactionInvalid, e.Message, inner: e),
        ApiRequestException e when e.ErrorCode is 401 or 403 || Has(e, "not enough rights") || Has(e, "chat not found") => new(ChatErrorKind.Forbidden, e.Message, inner: e),
        ApiRequestException { ErrorCode: >= 500 } e => new(ChatErrorKind.Transient, e.Message, inner: e),
        ApiRequestException e => new(ChatErrorKind.BadRequest, e.Message, inner: e),
        _ => new(ChatErrorKind.Transient, error.Message, inner: error),
    };

    /// <summary>Errors worth mapping: the library's, the network's and timeouts (not the caller's cancellation).</summary>
    public static bool IsMappable(Exception error, CancellationToken cancellationToken) =>
        error is RequestException or HttpRequestException or IOException ||
        (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool Has(ApiRequestException e, string text) => e.Message.Contains(text, StringComparison.OrdinalIgnoreCase);
}
