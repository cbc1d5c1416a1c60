namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// A failure of an outside service that says whether retrying can help, so that the relays never retry a refusal for
/// minutes (a Bot Connector 403 or 404) and wait as long as a throttled service asks (Retry-After).
/// </summary>
public interface IClassifiedFailure
{
    /// <summary>True when no retry can succeed: the event is parked at once.</summary>
    bool IsPermanent { get; }

    /// <summary>How long the service asked to be left alone before the next try, when it said (429, 503).</summary>
    TimeSpan? RetryAfter { get; }

    /// <summary>
    /// True when the call was never made (a local rate limit's wait was over): the event is put off for
    /// <see cref="RetryAfter"/> without counting as a failed attempt, so a burst never parks it.
    /// </summary>
    bool WasNotSent => false;
}
