using Bot.Core.Chat;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>The bot the benchmarks run as: a fixed username, no topics in private chats (as the fake server's bot).</summary>
internal sealed class BenchBotIdentity : IBotIdentity
{
    public Task<string> GetUsernameAsync(CancellationToken cancellationToken) => Task.FromResult("bench_bridge_bot");

    public Task<bool> HasPrivateTopicsAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
