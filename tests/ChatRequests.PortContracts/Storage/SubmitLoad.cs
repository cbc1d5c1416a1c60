using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>
/// A request store under a steady stream of submits from several writers for a few seconds, with a fault of its storage
/// applied for a moment in the middle and then undone; a writer whose submit failed sends the same form again next, as a
/// person clicks again. Then: nothing failed after the fault was undone, nothing was lost, no number was burnt.
/// </summary>
public static class SubmitLoad
{
    private const int Writers = 8;
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan During = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The first retry interval after the fault is undone: the writers that waited on it all come back at once, and on a
    /// loaded machine a few may still time out on each other (contention, not the fault); counted apart.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What the load came to: "during" counts the submits that met the fault (begun or ended while it lasted), "settling"
    /// those begun in the first retry interval after it was undone, "afterwards" those begun later.
    /// </summary>
    public sealed record Figures(
        int Succeeded, int FailedBefore, int FailedDuringFault, int FailedSettling, int FailedAfterwards, int SubmitsAfterwards,
        string? FirstFailureAfterwards)
    {
        public override string ToString() =>
            $"{Succeeded} submits stored; failed: {FailedBefore} before the fault, {FailedDuringFault} during it, " +
            $"{FailedSettling} in the first {Settle.TotalSeconds:0.#} s after it was undone, {FailedAfterwards} of the " +
            $"{SubmitsAfterwards} begun later" + (FirstFailureAfterwards is { } failure ? $" (the first: {failure})" : "");
    }

    /// <summary>A submit as the workflow makes it: the form's number, then its request; returns the request's id.</summary>
    public static async Task<string> SubmitAsync(IRequestStore store, string submissionKey)
    {
        var id = RequestNumber.Format(await store.ReserveNumberAsync(submissionKey));
        try
        {
            await store.CreateAsync(Submit(id, submissionKey: submissionKey));
        }
        catch (ConcurrencyConflictException)
        {
            // An earlier attempt of this form was stored although it reported an error: the workflow's duplicate.
            if (await store.FindBySubmissionKeyAsync(submissionKey) is null)
            {
                throw;
            }
        }

        return id;
    }

    /// <summary>
    /// Runs the load; <paramref name="applyFault"/> breaks the storage and returns what mends it, after
    /// <paramref name="faultFor"/> (1.5 s unless given).
    /// </summary>
    public static async Task<Figures> RunAsync(IRequestStore store, Func<IDisposable> applyFault, TimeSpan? faultFor = null)
    {
        var phase = 0;
        var failed = new int[4];
        var succeeded = 0;
        var submitsAfterwards = 0;
        string? firstFailureAfterwards = null;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var sent = 0;
            string? form = null;
            while (!stop.IsCancellationRequested)
            {
                form ??= $"form-{writer}-{sent++}";
                var startedIn = Volatile.Read(ref phase);
                try
                {
                    await SubmitAsync(store, form);
                    Interlocked.Increment(ref succeeded);
                    form = null;
                }
                catch (Exception ex)
                {
                    // Whatever the store threw; the assertions say when it may: only a submit that met the fault.
                    var metTheFault = startedIn == 1 || Volatile.Read(ref phase) >= 1;
                    Interlocked.Increment(ref failed[startedIn >= 2 ? startedIn : metTheFault ? 1 : 0]);
                    if (startedIn == 3)
                    {
                        Interlocked.CompareExchange(ref firstFailureAfterwards, $"{ex.GetType().Name}: {ex.Message}", null);
                    }
                }

                if (startedIn == 3)
                {
                    Interlocked.Increment(ref submitsAfterwards);
                }

                await Task.Delay(5);
            }
        })).ToList();

        await Task.Delay(Before);
        Volatile.Write(ref phase, 1);
        using (applyFault())
        {
            await Task.Delay(faultFor ?? During);
        }

        Volatile.Write(ref phase, 2);
        await Task.Delay(Settle);
        Volatile.Write(ref phase, 3);
        await Task.Delay(After);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        return new Figures(succeeded, failed[0], failed[1], failed[2], failed[3], submitsAfterwards, firstFailureAfterwards);
    }

    /// <summary>
    /// Submits failed while the fault lasted (else it was no fault, unless <paramref name="faultMayPassUnseen"/>), none failed
    /// before it or after the first retry interval once it was undone, every one that said yes is stored, and the numbers
    /// run without a gap.
    /// </summary>
    public static async Task AssertRecoveredAsync(IRequestStore store, Figures figures, bool faultMayPassUnseen = false)
    {
        Assert.True(faultMayPassUnseen || figures.FailedDuringFault > 0, "The fault made no submit fail: it was no fault. " + figures);
        Assert.Equal(0, figures.FailedBefore);
        Assert.Equal(0, figures.FailedAfterwards);
        Assert.True(figures.SubmitsAfterwards > 0);

        var stored = await StoredIdsAsync(store);
        Assert.Equal(figures.Succeeded, stored.Count);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(n => RequestNumber.Format(n)), stored);
    }

    /// <summary>The ids of every stored request, in order.</summary>
    public static async Task<List<string>> StoredIdsAsync(IRequestStore store)
    {
        var ids = new List<string>();
        await foreach (var request in store.ScanAsync())
        {
            ids.Add(request.Id);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
