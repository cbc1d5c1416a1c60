using System.Collections.Concurrent;

namespace ChatRequests.Bot.Turns;

/// <summary>
/// Work a turn starts and does not wait for, so that its invoke is answered at once (Teams gives an invoke a few
/// seconds): it runs until done or until the host stops. The work handles and logs its own failures; one that escapes
/// is logged here, never lost.
/// </summary>
public sealed class BackgroundTurnWork(IHostApplicationLifetime lifetime, ILogger<BackgroundTurnWork> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogError(ex, "Background work failed: {What}", what);
            }
        });
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when the work started so far has ended (tests, and a host that drains before it stops).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);
}
