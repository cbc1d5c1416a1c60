using Azure.Messaging.ServiceBus;

namespace ChatRequests.Azure.Fulfilment;

/// <summary>
/// One message for the fulfilment queue. <see cref="MessageId"/> is what the queue's duplicate detection keys on: the
/// outbox event id for the relay's message, the event id and the attempt for a rescheduled one.
/// </summary>
/// <param name="Attempt">How many times the event has failed so far (application property <see cref="FulfilmentQueue.AttemptProperty"/>).</param>
public sealed record FulfilmentQueueMessage(string MessageId, BinaryData Body, int Attempt = 0);

/// <summary>
/// Sends to the fulfilment queue with the Service Bus SDK (the Functions host keeps receiving): messages in batches within
/// the size limit the service sets, in the given order, and rescheduled messages at a later time.
/// </summary>
public sealed class FulfilmentQueue(ServiceBusSender sender)
{
    /// <summary>The application property that carries <see cref="FulfilmentQueueMessage.Attempt"/>.</summary>
    public const string AttemptProperty = "attempt";

    /// <summary>
    /// Sends every message, as few batches as the size limit allows; returns the messages that do not fit in a batch even
    /// alone (never sent). A failed send throws: what was sent before is sent again on the caller's retry, and duplicate
    /// detection drops it by its MessageId.
    /// </summary>
    public async Task<IReadOnlyList<FulfilmentQueueMessage>> SendAsync(
        IReadOnlyList<FulfilmentQueueMessage> messages, CancellationToken cancellationToken = default)
    {
        var tooLarge = new List<FulfilmentQueueMessage>();
        ServiceBusMessageBatch? batch = null;
        try
        {
            foreach (var message in messages)
            {
                batch ??= await sender.CreateMessageBatchAsync(cancellationToken);
                var outgoing = ToServiceBus(message);
                if (batch.TryAddMessage(outgoing))
                {
                    continue;
                }

                if (batch.Count > 0)
                {
                    await sender.SendMessagesAsync(batch, cancellationToken);
                    batch.Dispose();
                    batch = await sender.CreateMessageBatchAsync(cancellationToken);
                    if (batch.TryAddMessage(outgoing))
                    {
                        continue;
                    }
                }

                tooLarge.Add(message);
            }

            if (batch is { Count: > 0 })
            {
                await sender.SendMessagesAsync(batch, cancellationToken);
            }
        }
        finally
        {
            batch?.Dispose();
        }

        return tooLarge;
    }

    /// <summary>Schedules the message to appear on the queue at <paramref name="enqueueAt"/>.</summary>
    public Task ScheduleAsync(FulfilmentQueueMessage message, DateTimeOffset enqueueAt, CancellationToken cancellationToken = default) =>
        sender.ScheduleMessageAsync(ToServiceBus(message), enqueueAt, cancellationToken);

    private static ServiceBusMessage ToServiceBus(FulfilmentQueueMessage message)
    {
        var outgoing = new ServiceBusMessage(message.Body) { MessageId = message.MessageId, ContentType = "application/json" };
        if (message.Attempt > 0)
        {
            outgoing.ApplicationProperties[AttemptProperty] = message.Attempt;
        }

        return outgoing;
    }
}
