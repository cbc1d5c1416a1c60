namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// Wakes the outbox relay at once instead of at its next poll: call it after saving a change that raised
/// events, so that cards and notices go out with low latency. Never blocks; a relay that is busy runs
/// one more pass when it is done.
/// </summary>
public interface IRelaySignal
{
    void Wake();
}
