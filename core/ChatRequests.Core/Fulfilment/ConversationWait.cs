namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// How long a Teams call made by background work (the relay's events) may wait for its conversation's turn under the
/// rate limits, and who makes it, for the calls of the current async flow. Past the wait the call is sent away unsent
/// with the moment its turn will come, and it keeps its place in its conversation's line (its lane) by
/// <see cref="BackgroundCall.Ticket"/>: the event is put off until then and its worker takes other work (ADR 0036).
/// Unset (a turn's reply), a call waits as long as the connector allows, ahead of background calls.
/// </summary>
public static class ConversationWait
{
    private static readonly AsyncLocal<BackgroundCall?> Call = new();

    /// <summary>The background call set for this flow, or null.</summary>
    public static BackgroundCall? Current => Call.Value;

    /// <summary>Sets the wait and the ticket for the calls of this flow until the scope is disposed.</summary>
    public static Scope AtMost(TimeSpan wait, string ticket)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticket);
        var scope = new Scope(Call.Value);
        Call.Value = new BackgroundCall(wait, ticket);
        return scope;
    }

    /// <summary>Puts back what was set before.</summary>
    public readonly struct Scope(BackgroundCall? previous) : IDisposable
    {
        public void Dispose() => Call.Value = previous;
    }
}

/// <summary>
/// A background call's wait for its conversation, and the ticket that names its caller across put-offs (the same for
/// every try of one outbox event), so that coming back it takes its own place in the line, not a newcomer's.
/// </summary>
public readonly record struct BackgroundCall(TimeSpan Wait, string Ticket);
