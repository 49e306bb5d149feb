using Bot.Core.Chat;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>The bot as the benchmarks present it: a fixed username, no topics in private chats.</summary>
internal sealed class BenchBotIdentity : IBotIdentity
{
    public Task<string> GetUsernameAsync(CancellationToken cancellationToken) => Task.FromResult("bench_bot");

    public Task<bool> HasPrivateTopicsAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
