using System.Diagnostics;

namespace ChatRequests.LoadDriver;

/// <summary>
/// Runs one operation <c>warmup + count</c> times on <c>concurrency</c> workers: warmup first (not recorded),
/// then the measured runs, timed one by one and as a whole for throughput. Run <c>i</c> acts as employee
/// <c>i % employees</c>, and every employee belongs to one worker, so a conversation never has two turns at once.
/// </summary>
internal sealed class PhaseRunner(int employees, int concurrency, int warmup, int count)
{
    /// <summary>One run: takes the run index, returns the latency it measured itself (around the HTTP POST only).</summary>
    public delegate Task<TimeSpan> Operation(int run);

    public int Runs => warmup + count;

    /// <summary>The measured runs (warmup excluded).</summary>
    public IEnumerable<int> MeasuredRuns => Enumerable.Range(warmup, count);

    public int EmployeeOf(int run) => run % employees;

    public async Task<(double[] Milliseconds, TimeSpan Wall)> RunAsync(Operation operation, CancellationToken cancellationToken)
    {
        await RunRangeAsync(0, warmup, operation, latencies: null, cancellationToken);
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        await RunRangeAsync(warmup, warmup + count, operation, latencies, cancellationToken);
        return (latencies, wall.Elapsed);
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
