using Bot.Core.Chat;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>A chat platform without limits that only counts: it keeps nothing, so it costs the measured process
/// neither time nor memory.</summary>
public sealed class CountingChatGateway : IChatGateway
{
    private int nextTopic;
    private int nextMessage;
    private long texts;

    public long Texts => Interlocked.Read(ref texts);

    public int Topics => Volatile.Read(ref nextTopic);

    public Task<int> CreateTopicAsync(long chatId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Increment(ref nextTopic));

    public Task ReopenTopicAsync(long chatId, int topicId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> SendTextAsync(ChatText message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref texts);
        return Task.FromResult(Interlocked.Increment(ref nextMessage));
    }

    public Task<int> SendPhotoAsync(ChatPhoto message, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Increment(ref nextMessage));

    public Task<int> SendDocumentAsync(ChatDocument message, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Increment(ref nextMessage));

    public Task<byte[]> DownloadFileAsync(string fileId, CancellationToken cancellationToken) => Task.FromResult(Array.Empty<byte>());

    public Task SetReactionAsync(long chatId, int messageId, string emoji, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken) => Task.CompletedTask;
}
