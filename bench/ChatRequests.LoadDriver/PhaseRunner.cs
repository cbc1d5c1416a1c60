using System.Diagnostics;

namespace ChatRequests.LoadDriver;

/// <summary>
/// What the measured part of a phase took: each run's latency, the wall time, the CPU time of the bot measured and of
/// the driver, and when it started and ended (<see cref="Stopwatch"/> timestamps: CLOCK_MONOTONIC in ns on Linux).
/// </summary>
internal sealed record PhaseMeasurement(double[] Milliseconds, TimeSpan Wall, TimeSpan TargetCpu, TimeSpan DriverCpu, long StartedAt, long EndedAt)
{
    /// <summary>What the bot measured read meanwhile (<see cref="ProcessIo"/>): its store's pages, a count load does not change.</summary>
    public long TargetReadBytes { get; init; }
}

/// <summary>
/// Runs one operation <c>warmup + count</c> times on <c>concurrency</c> workers: warmup first (not recorded), then,
/// once the bot has settled, the measured runs, timed one by one and as a whole, with the CPU time the bot under
/// test (and the driver) used meanwhile. Run <c>i</c> acts as employee <c>i % employees</c>, and every employee
/// belongs to one worker, so a conversation never has two turns at once.
/// </summary>
internal sealed class PhaseRunner(int employees, int concurrency, int warmup, int count)
{
    /// <summary>One run: takes the run index, returns the latency it measured itself (around the HTTP POST only).</summary>
    public delegate Task<TimeSpan> Operation(int run);

    public int Runs => warmup + count;

    public int Count => count;

    /// <summary>The measured runs (warmup excluded).</summary>
    public IEnumerable<int> MeasuredRuns => Enumerable.Range(warmup, count);

    public int EmployeeOf(int run) => run % employees;

    /// <param name="targetProcessId">The bot whose CPU time the phase measures.</param>
    /// <param name="settle">Waits until the warmup's background work is done, so it does not count as the measured runs'.</param>
    public async Task<PhaseMeasurement> RunAsync(Operation operation, int targetProcessId, Func<Task> settle, CancellationToken cancellationToken)
    {
        await RunRangeAsync(0, warmup, operation, latencies: null, cancellationToken);
        await settle();
        var latencies = new double[count];
        var targetBefore = ProcessCpu.Read(targetProcessId);
        var targetReadBefore = ProcessIo.ReadBytes(targetProcessId);
        var driverBefore = ProcessCpu.Read(Environment.ProcessId);
        var startedAt = Stopwatch.GetTimestamp();
        await RunRangeAsync(warmup, warmup + count, operation, latencies, cancellationToken);
        var endedAt = Stopwatch.GetTimestamp();
        var targetCpu = ProcessCpu.Read(targetProcessId) - targetBefore;
        var driverCpu = ProcessCpu.Read(Environment.ProcessId) - driverBefore;
        return new PhaseMeasurement(latencies, Stopwatch.GetElapsedTime(startedAt, endedAt), targetCpu, driverCpu, startedAt, endedAt)
        {
            TargetReadBytes = ProcessIo.ReadBytes(targetProcessId) - targetReadBefore,
        };
    }

    private Task RunRangeAsync(int from, int to, Operation operation, double[]? latencies, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var run = from; run < to; run++)
            {
                if (EmployeeOf(run) % concurrency != worker)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var elapsed = await operation(run);
                if (latencies is not null)
                {
                    latencies[run - from] = elapsed.TotalMilliseconds;
                }
            }
        }, cancellationToken)));
}
