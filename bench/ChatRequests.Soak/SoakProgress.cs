using System.Collections.Concurrent;

namespace ChatRequests.Soak;

/// <summary>How far the lifecycles got: steps completed (and when), and what people had to do again, by step and reason.</summary>
public sealed class SoakProgress
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly object _gate = new();
    private readonly List<DateTimeOffset> _completed = [];
    private readonly ConcurrentDictionary<string, int> _retries = new(StringComparer.Ordinal);

    public int Steps
    {
        get
        {
            lock (_gate)
            {
                return _completed.Count;
            }
        }
    }

    /// <summary>Submits and clicks sent again, by "step: reason" (a dead bot, an apology, a card not there yet).</summary>
    public IReadOnlyDictionary<string, int> Retries => _retries;

    public void StepDone()
    {
        lock (_gate)
        {
            _completed.Add(DateTimeOffset.UtcNow);
        }
    }

    public void Retried(string step, string reason) => _retries.AddOrUpdate($"{step}: {reason}", 1, (_, n) => n + 1);

    /// <summary>When the first step after <paramref name="moment"/> completed, if one did.</summary>
    public DateTimeOffset? FirstStepAfter(DateTimeOffset moment)
    {
        lock (_gate)
        {
            return _completed.FirstOrDefault(at => at > moment) is { } first && first != default ? first : null;
        }
    }

    public async Task WhenStepsReachAsync(int steps, CancellationToken cancellationToken)
    {
        while (Steps < steps)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
