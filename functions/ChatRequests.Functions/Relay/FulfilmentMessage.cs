namespace ChatRequests.Functions.Relay;

/// <summary>
/// The body of a message on the fulfilment queue: which event of which request to run. The event id is the
/// idempotency key; a custom handler cannot set the Service Bus MessageId (see README), so duplicates are
/// absorbed by the handler (an event gone from the outbox is done), not by duplicate detection.
/// </summary>
public sealed record FulfilmentMessage(string RequestId, string EventId, string EventType);
