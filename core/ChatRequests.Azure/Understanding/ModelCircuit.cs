namespace ChatRequests.Azure.Understanding;

/// <summary>
/// Leaves the model alone for a while after several failures in a row, so an outage costs each turn nothing instead
/// of the whole timeout. After the pause one turn tries again: a success closes the circuit, a failure pauses again.
/// </summary>
public sealed class ModelCircuit(int failuresBeforePause, TimeSpan pause, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return time.GetUtcNow() < _pausedUntil;
            }
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
        }
    }

    /// <summary>Counts a failure; true when it starts a pause (to be said once in the log).</summary>
    public bool Failed()
    {
        lock (_gate)
        {
            _failures++;
            if (_failures < failuresBeforePause)
            {
                return false;
            }

            _failures = failuresBeforePause - 1; // after the pause, one more failure pauses again
            _pausedUntil = time.GetUtcNow() + pause;
            return true;
        }
    }
}
