using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRequests.Composition.Memory;

public static class IdleMemorySetup
{
    /// <summary>
    /// The release of memory when the bot is idle (ADR 0043, section "IdleMemory"). The host notes its work in the
    /// <see cref="WorkWatch"/> (the bot: every request but the health probes).
    /// </summary>
    public static IServiceCollection AddIdleMemoryRelease(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IdleMemoryOptions>()
            .BindConfiguration(IdleMemoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<WorkWatch>();
        services.AddSingleton<MemoryRelease>();
        services.AddSingleton<IdleMemoryRelease>();
        services.AddHostedService(provider => provider.GetRequiredService<IdleMemoryRelease>());
        return services;
    }
}
