namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// The one backoff rule both relays retry a failed event by (the embedded outbox processor and the Functions app's
/// rescheduled messages, each with its own limits): first delay × 2^failures so far, capped, never sooner than the
/// service's Retry-After.
/// </summary>
public static class RetryBackoff
{
    /// <param name="failuresSoFar">Failures before this one (0 for the first retry).</param>
    /// <param name="jitter">A factor around 1 that spreads retries of many events; 1 for none.</param>
    public static TimeSpan Delay(int failuresSoFar, TimeSpan first, TimeSpan max, TimeSpan? retryAfter = null, double jitter = 1.0)
    {
        var factor = Math.Pow(2, Math.Clamp(failuresSoFar, 0, 20));
        var capped = Math.Min(first.TotalMilliseconds * factor, max.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(capped * jitter);
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
