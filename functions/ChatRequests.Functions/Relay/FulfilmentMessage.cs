using ChatRequests.Azure.Fulfilment;
using ChatRequests.Core.Storage;

namespace ChatRequests.Functions.Relay;

/// <summary>
/// The body of a message on the fulfilment queue: which event of which request to run. The event id is the
/// idempotency key: it is the MessageId the relay sends with (the queue's duplicate detection drops a re-send within its
/// window), and the handler absorbs any later duplicate (an event gone from the outbox is done).
/// </summary>
/// <param name="Retries">How many times a person retried the parked event (<see cref="Core.Requests.OutboxEvent.Retries"/>).</param>
public sealed record FulfilmentMessage(string RequestId, string EventId, string EventType, int Retries = 0)
{
    /// <summary>
    /// The queue message: MessageId = the event id for the relay's first message, the event id and the attempt
    /// (<c>{eventId}-{attempt}</c>) for a retry RunFulfilmentStep schedules, so that each is sent once. After a person's
    /// Retry of the parked event the id is <c>{eventId}.r{retries}</c>, so that the queue's duplicate detection does not
    /// drop it as a copy of the messages sent before it parked.
    /// </summary>
    public FulfilmentQueueMessage ToQueueMessage(int attempt = 0)
    {
        var id = Retries == 0 ? EventId : $"{EventId}.r{Retries}";
        return new(attempt == 0 ? id : $"{id}-{attempt}", BinaryData.FromObjectAsJson(this, RequestJson.Options), attempt);
    }
}
