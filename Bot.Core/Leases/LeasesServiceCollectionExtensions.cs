using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Leases;

public static class LeasesServiceCollectionExtensions
{
    /// <summary>Leases between instances that share one database (<see cref="InstanceLeases"/>), their renewal, and
    /// <see cref="LeasedWork"/> for loops only one instance may run. The database registers <see cref="ILeaseRepository"/>.</summary>
    public static IServiceCollection AddLeases(this IServiceCollection services)
    {
        services.AddOptions<LeaseOptions>().BindConfiguration(LeaseOptions.Section)
            .Validate(o => o.RenewEvery > TimeSpan.Zero && o.LeaseTime >= 3 * o.RenewEvery,
                "Instances__LeaseTime must be at least three times Instances__RenewEvery, which must be positive (defaults: 00:00:15 and 00:00:05).")
            .Validate(o => o.LeaseTime <= TimeSpan.FromMinutes(5),
                "Instances__LeaseTime must be at most 00:05:00: a crashed instance's work waits that long for another to take it.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InstanceLeases>();
        services.AddSingleton<LiveInstances>();
        services.AddSingleton<LeasedWork>();
        services.AddHostedService<LeaseRenewer>();
        return services;
    }
}
