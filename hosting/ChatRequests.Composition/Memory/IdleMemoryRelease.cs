using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Composition.Memory;

/// <summary>
/// Once the bot has had no work for <see cref="IdleMemoryOptions.After"/>, releases memory once (<see cref="MemoryRelease"/>);
/// then waits for work and the next idle stretch. Never while requests come in: any request since the last look
/// (<see cref="WorkWatch"/>) puts the release off by a whole stretch again.
/// </summary>
public sealed class IdleMemoryRelease(
    WorkWatch work, MemoryRelease release, IOptions<IdleMemoryOptions> options, TimeProvider clock, ILogger<IdleMemoryRelease> logger)
    : BackgroundService
{
    private const double Mebibyte = 1024 * 1024;
    private long _releases;
    private long _looks;

    /// <summary>Releases so far (the tests count them).</summary>
    internal long Releases => Interlocked.Read(ref _releases);

    /// <summary>How often it has looked whether the bot is idle (the tests wait for a look after moving the clock).</summary>
    internal long Looks => Interlocked.Read(ref _looks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var after = options.Value.After;
        long? releasedAfter = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var lastWork = work.LastWorkAt;
                var idle = clock.GetElapsedTime(lastWork);
                if (idle >= after && releasedAfter != lastWork)
                {
                    releasedAfter = lastWork;
                    ReleaseOnce(idle);
                }

                Interlocked.Increment(ref _looks);
                // Busy: look again when the stretch since the last work is over. Idle: a stretch later, for work that starts
                // the next stretch (the release is once per stretch, not on every look).
                await Task.Delay(idle < after ? after - idle : after, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void ReleaseOnce(TimeSpan idle)
    {
        try
        {
            var outcome = release.Release();
            logger.LogInformation(
                "Idle for {Idle}: memory released, resident {ResidentBefore:0.0} -> {ResidentAfter:0.0} MiB, GC heap {HeapBefore:0.0} -> {HeapAfter:0.0} MiB ({CommittedAfter:0.0} MiB committed)",
                idle, outcome.ResidentBefore / Mebibyte, outcome.ResidentAfter / Mebibyte, outcome.HeapBefore / Mebibyte, outcome.HeapAfter / Mebibyte,
                outcome.CommittedAfter / Mebibyte);
        }
        catch (Exception ex)
        {
            // Memory not given back costs memory only; the bot goes on, and the next idle stretch tries again.
            logger.LogWarning(ex, "Idle for {Idle}: could not release memory", idle);
        }
        finally
        {
            Interlocked.Increment(ref _releases);
        }
    }
}
