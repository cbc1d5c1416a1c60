using ChatRequests.Embedded.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>
/// The timers of the embedded default (<see cref="PeriodicWorker"/>: the SLA sweep, the digest, access reviews) taken
/// out of a run of the bot whose test moves a fake clock and sweeps itself: a timer the fake clock fires as the test
/// moves it would race the test's own sweep for what is due, and either may take it.
/// </summary>
internal static class EmbeddedTimers
{
    public static void Remove(IServiceCollection services)
    {
        foreach (var timer in services.Where(IsTimer).ToList())
        {
            services.Remove(timer);
        }
    }

    private static bool IsTimer(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType?.IsSubclassOf(typeof(PeriodicWorker)) == true;
}
