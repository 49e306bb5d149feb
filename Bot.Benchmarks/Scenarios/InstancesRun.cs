using System.Diagnostics;
using Bot.Benchmarks.Infrastructure;
using Bot.Core.Leases;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Microsoft.Extensions.Hosting;

namespace Bot.Benchmarks.Scenarios;

/// <summary>End to end on one PostgreSQL database shared by several bridge cores, as several hosts would run: each its
/// own marketplace poller (behind the <see cref="LeaseNames.MarketplacePoll"/> lease, by <see cref="LeasedWork"/>, as
/// the host's poller), its own dispatcher loop (the host's outbox worker, claiming each delivery's chat by lease) and
/// its own lease renewal (the core's hosted renewer, started here as the host starts it), sending into one counting
/// chat platform and reading one marketplace.</summary>
public static class InstancesRun
{
    /// <returns>The rate in messages a second, and the processor time per message in this process and in the database server.</returns>
    public static async Task<(double Rate, double Cpu, double ServerCpu)> RunAsync(
        string connectionString, int instances, int messages, int conversations, int pageSize, ServerProcessorTime server)
    {
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(conversations, messages, pageSize);
        var cores = new List<BenchCore>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                cores.Add(await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true, settings: new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Bridge"] = connectionString,
                    ["Instances:Id"] = $"bench-{i + 1}",
                }));
            }

            var renewers = cores.SelectMany(c => c.Get<IEnumerable<IHostedService>>().OfType<LeaseRenewer>()).ToList();
            foreach (var renewer in renewers)
            {
                await renewer.StartAsync(CancellationToken.None);
            }

            var (cpu, serverCpu) = (ThroughputScenario.Cpu(), server.Micros());
            var stopwatch = Stopwatch.StartNew();
            var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var pollers = cores.Select(c => PollAsync(c, polled, stop.Token)).ToList();
            var workers = cores.Select(c => ThroughputScenario.WorkAsync(c, polled.Task)).ToList();
            await Task.WhenAll(workers);
            var elapsed = stopwatch.Elapsed;
            var (used, serverUsed) = (ThroughputScenario.Cpu() - cpu, server.Micros() - serverCpu);
            await stop.CancelAsync();
            await Task.WhenAll(pollers);
            foreach (var renewer in renewers)
            {
                await renewer.StopAsync(CancellationToken.None);
            }

            await ThroughputScenario.CheckAsync(cores[0], gateway, marketplace, messages, conversations);
            return (messages / elapsed.TotalSeconds, used / messages, serverUsed / messages);
        }
        finally
        {
            foreach (var core in cores)
            {
                await core.DisposeAsync();
            }
        }
    }

    /// <summary>The host's marketplace poller: only the lease's holder polls; the others wait and try again.</summary>
    private static Task PollAsync(BenchCore core, TaskCompletionSource polled, CancellationToken stop)
    {
        var ingestor = core.Get<MarketplaceIngestor>();
        return Task.Run(() => core.Get<LeasedWork>().RunAsync(
            LeaseNames.MarketplacePoll,
            async token =>
            {
                while (await ingestor.PollOnceAsync(token))
                {
                }

                polled.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
            },
            () => { },
            stop), CancellationToken.None);
    }
}
