using ChatRequests.Azure.Fulfilment;
using ChatRequests.Core.Storage;

namespace ChatRequests.Functions.Relay;

/// <summary>
/// The body of a message on the fulfilment queue: which event of which request to run. The event id is the
/// idempotency key: it is the MessageId the relay sends with (the queue's duplicate detection drops a re-send within its
/// window), and the handler absorbs any later duplicate (an event gone from the outbox is done).
/// </summary>
public sealed record FulfilmentMessage(string RequestId, string EventId, string EventType)
{
    /// <summary>
    /// The queue message: MessageId = the event id for the relay's first message, the event id and the attempt
    /// (<c>{eventId}-{attempt}</c>) for a retry RunFulfilmentStep schedules, so that each is sent once.
    /// </summary>
    public FulfilmentQueueMessage ToQueueMessage(int attempt = 0) =>
        new(attempt == 0 ? EventId : $"{EventId}-{attempt}", BinaryData.FromObjectAsJson(this, RequestJson.Options), attempt);
}
