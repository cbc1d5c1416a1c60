using Microsoft.AspNetCore.Http;

namespace ChatRequests.Testing;

/// <summary>
/// Requests the fake keeps without an answer until released, as Teams does when a call hangs. Each one is counted in
/// <see cref="Waiting"/> while it waits; a client that gives up first (its timeout) has posted nothing.
/// </summary>
public sealed class FakeHold(Func<FakeConnectorRequest, bool> when)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;
    private int _held;

    /// <summary>Requests waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Requests held so far, released or given up or still waiting.</summary>
    public int Held => Volatile.Read(ref _held);

    public bool IsReleased => _released.Task.IsCompleted;

    /// <summary>Lets every held request (and every later one) be handled as usual.</summary>
    public void Release() => _released.TrySetResult();

    internal bool Matches(FakeConnectorRequest request) => !IsReleased && when(request);

    /// <summary>Waits until released; false when the client gave up first.</summary>
    internal async Task<bool> WaitAsync(CancellationToken clientGone)
    {
        Interlocked.Increment(ref _held);
        Interlocked.Increment(ref _waiting);
        try
        {
            await _released.Task.WaitAsync(clientGone);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}

public sealed partial class FakeTeamsConnector
{
    private readonly List<FakeHold> _holds = [];

    /// <summary>Holds every matching request without an answer until the hold is released.</summary>
    public FakeHold Hold(Func<FakeConnectorRequest, bool> when)
    {
        var hold = new FakeHold(when);
        lock (_gate)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Waits while a hold keeps the request; false when the client gave up meanwhile (then nothing is handled).</summary>
    private async Task<bool> PassHoldsAsync(FakeConnectorRequest request, HttpContext context)
    {
        FakeHold[] holds;
        lock (_gate)
        {
            holds = [.. _holds];
        }

        foreach (var hold in holds.Where(h => h.Matches(request)))
        {
            if (!await hold.WaitAsync(context.RequestAborted))
            {
                return false;
            }
        }

        return true;
    }
}
