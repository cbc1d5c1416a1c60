namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// How long a Teams call made by background work (the relay's events) may wait for its conversation's turn under the
/// rate limits, and who makes it, for the calls of the current async flow. Past the wait the call is sent away unsent
/// with the moment its turn will come, and it keeps its place in its conversation's line (its lane) by
/// <see cref="BackgroundCall.Ticket"/>: the event is put off until then and its worker takes other work (ADR 0036).
/// Unset (a turn's reply), a call waits as long as the connector allows, ahead of background calls.
/// </summary>
/// <remarks>
/// A place kept while its caller is away is told when its turn comes (<see cref="IKeptPlace.Called"/>): when the call under
/// way in its conversation ends, or when the conversation's windows have room, whichever it waited for; not on a guess.
/// </remarks>
public static class ConversationWait
{
    private static readonly AsyncLocal<BackgroundCall?> Call = new();
    private static readonly AsyncLocal<ArrivalOrder?> Order = new();

    /// <summary>The background call set for this flow, or null.</summary>
    public static BackgroundCall? Current => Call.Value;

    /// <summary>
    /// Sets the wait and the ticket for the calls of this flow until the scope is disposed; <paramref name="writtenAt"/>
    /// (when the event was written) places the call in its conversation's line before those written later.
    /// </summary>
    public static Scope AtMost(TimeSpan wait, string ticket, DateTimeOffset writtenAt = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticket);
        var call = new BackgroundCall(wait, ticket, writtenAt, Order.Value);
        var scope = new Scope(Call.Value, call);
        Call.Value = call;
        return scope;
    }

    /// <summary>
    /// The background calls of this flow reach the connector only after those of the flow handed out before it (or after
    /// their wait), so that events handed to several workers at once take their places in the order they were handed out.
    /// </summary>
    public static OrderScope InOrder(ArrivalOrder order)
    {
        var scope = new OrderScope(Order.Value);
        Order.Value = order;
        return scope;
    }

    /// <summary>Puts back what was set before.</summary>
    public readonly struct Scope(BackgroundCall? previous, BackgroundCall call) : IDisposable
    {
        /// <summary>The background call this scope set: after the work, the place it kept if it was sent away.</summary>
        public BackgroundCall Call { get; } = call;

        public void Dispose() => ConversationWait.Call.Value = previous;
    }

    /// <summary>Puts back the order set before.</summary>
    public readonly struct OrderScope(ArrivalOrder? previous) : IDisposable
    {
        public void Dispose() => Order.Value = previous;
    }
}

/// <summary>
/// A background call's wait for its conversation, the ticket that names its caller across put-offs (the same for
/// every try of one outbox event), so that coming back it takes its own place in the line, not a newcomer's, when its
/// event was written, and the order in which the relay handed it out (null outside the relay).
/// </summary>
public sealed record BackgroundCall(TimeSpan Wait, string Ticket, DateTimeOffset WrittenAt = default, ArrivalOrder? Order = null)
{
    /// <summary>
    /// Set by the connector when this call was sent away unsent: its place in the conversation's line, kept until its caller
    /// comes back or gives it up.
    /// </summary>
    public IKeptPlace? Kept { get; set; }
}

/// <summary>
/// A background call's place in its conversation's line, kept while its caller is away (its event held by the relay, in
/// memory): no later call of that conversation's line goes before it comes back or gives it up (ADR 0036).
/// </summary>
public interface IKeptPlace
{
    /// <summary>
    /// Completes when the place is first in its line and the conversation has room for it (the call under way there
    /// ended, or its windows have room), or when the place is given up: the caller comes back then.
    /// </summary>
    Task Called { get; }

    /// <summary>
    /// Its caller will not come back for this place (its event ended without the call, or left the caller's hands): the line
    /// moves on. Nothing happens when the place was used, or kept anew by a later sending away.
    /// </summary>
    void GiveUp();
}

/// <summary>
/// One link of the relay's hand-out order (ADR 0036): <see cref="Before"/> completes when the work handed out before this
/// one has reached the connector's limiter (or ended); <see cref="Arrive"/> says this one has.
/// </summary>
public sealed class ArrivalOrder(Task before)
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Before { get; } = before;

    /// <summary>Completes once <see cref="Arrive"/> was called: the <see cref="Before"/> of the next one handed out.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>This work has taken its place at the limiter, or needs none (it ended): the next one may take its own.</summary>
    public void Arrive() => _arrived.TrySetResult();
}
