using System.Threading.Channels;

namespace Bot.Core.Drafts;

/// <summary>Draft requests waiting for the model, so a slow model never holds up the bot's other updates (they are
/// handled one after another). Bounded: when staff press faster than the model answers, the press is refused.</summary>
public sealed class DraftQueue
{
    private const int Capacity = 16;

    private readonly Channel<DraftRequest> requests = Channel.CreateBounded<DraftRequest>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryAdd(DraftRequest request) => requests.Writer.TryWrite(request);

    public IAsyncEnumerable<DraftRequest> ReadAllAsync(CancellationToken cancellationToken) => requests.Reader.ReadAllAsync(cancellationToken);
}
