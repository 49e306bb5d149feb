using Bot.Core.Chat;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>Counts the real gateway's HTTP calls as in flight for the <see cref="SimulationPump"/>.</summary>
public sealed class TrackedChatGateway(IChatGateway inner, SimulationPump pump) : IChatGateway
{
    public Task<int> CreateTopicAsync(long chatId, string name, CancellationToken cancellationToken) =>
        pump.TrackAsync(() => inner.CreateTopicAsync(chatId, name, cancellationToken));

    public Task ReopenTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) =>
        pump.TrackAsync(async () =>
        {
            await inner.ReopenTopicAsync(chatId, topicId, cancellationToken);
            return 0;
        });

    public Task<int> SendTextAsync(ChatText message, CancellationToken cancellationToken) =>
        pump.TrackAsync(() => inner.SendTextAsync(message, cancellationToken));

    public Task<int> SendPhotoAsync(ChatPhoto message, CancellationToken cancellationToken) =>
        pump.TrackAsync(() => inner.SendPhotoAsync(message, cancellationToken));

    public Task<int> SendDocumentAsync(ChatDocument message, CancellationToken cancellationToken) =>
        pump.TrackAsync(() => inner.SendDocumentAsync(message, cancellationToken));

    public Task<byte[]> DownloadFileAsync(string fileId, CancellationToken cancellationToken) =>
        inner.DownloadFileAsync(fileId, cancellationToken);

    public Task SetReactionAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken) =>
        pump.TrackAsync(async () =>
        {
            await inner.SetReactionAsync(chatId, messageId, emoji, cancellationToken);
            return 0;
        });

    public Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken) =>
        pump.TrackAsync(async () =>
        {
            await inner.AnswerCallbackAsync(callbackId, text, cancellationToken);
            return 0;
        });
}
