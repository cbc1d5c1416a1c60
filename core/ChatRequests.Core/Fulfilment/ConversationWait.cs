namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// How long a Teams call made by background work (the relay's events) may wait for its conversation's turn under the
/// rate limits, for the calls of the current async flow. Past it the call is sent away unsent with the moment its
/// conversation will have room, and that slot is kept for it (the conversation's lane): the event is put off until then
/// and its worker takes other work (ADR 0036). Unset (a turn's reply), a call waits as long as the connector allows.
/// </summary>
public static class ConversationWait
{
    private static readonly AsyncLocal<TimeSpan?> Limit = new();

    /// <summary>The wait set for this flow, or null.</summary>
    public static TimeSpan? Current => Limit.Value;

    /// <summary>Sets the wait for the calls of this flow until the scope is disposed.</summary>
    public static Scope AtMost(TimeSpan wait)
    {
        var scope = new Scope(Limit.Value);
        Limit.Value = wait;
        return scope;
    }

    /// <summary>Puts back the wait that was set before.</summary>
    public readonly struct Scope(TimeSpan? previous) : IDisposable
    {
        public void Dispose() => Limit.Value = previous;
    }
}
