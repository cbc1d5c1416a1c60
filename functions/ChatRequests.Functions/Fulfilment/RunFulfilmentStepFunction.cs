using System.Globalization;
using System.Text.Json;
using ChatRequests.Azure.Fulfilment;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Invocation;
using ChatRequests.Functions.Relay;
using Microsoft.Extensions.Options;

namespace ChatRequests.Functions.Fulfilment;

/// <summary>
/// RunFulfilmentStep: one message of the fulfilment queue runs one outbox event through the core
/// <see cref="OutboxEventRunner"/>. Success (200) completes the message; that includes a duplicate (the event
/// already left the outbox) and a permanent failure (a bad message, an unknown request, an event that can never
/// succeed), which is logged as an error and, for an event, parked with its reason. A transient failure schedules the
/// next try as a new message with exponential backoff (the attempt in its application properties) and completes this
/// one, so that a short outage does not burn the queue's deliveries in seconds; after <see cref="FunctionsOptions.MaxAttempts"/>
/// the event is parked. Only when the retry cannot be scheduled does it answer 500: the host abandons the message,
/// Service Bus delivers it again and dead-letters it after the max delivery count.
/// </summary>
public sealed class RunFulfilmentStepFunction(
    OutboxEventRunner runner,
    FulfilmentQueue queue,
    TimeProvider clock,
    IOptions<FunctionsOptions> options,
    ILogger<RunFulfilmentStepFunction> logger)
{
    public const string Name = "RunFulfilmentStep";

    /// <summary>The trigger binding's name in RunFulfilmentStep/function.json.</summary>
    public const string MessageBinding = "message";

    public async Task<IResult> InvokeAsync(InvocationRequest invocation, CancellationToken cancellationToken)
    {
        var messageId = invocation.MetadataText("MessageId");
        var deliveryCount = int.TryParse(invocation.MetadataText("DeliveryCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;
        var attempt = AttemptOf(invocation);
        if (Read(invocation) is not { } message)
        {
            logger.LogError("Permanent failure: fulfilment message {MessageId} is not a fulfilment message body; completing it", messageId);
            return Completed("PermanentFailure", $"Permanent failure: message {messageId} is not a {{ requestId, eventId, eventType }} body.");
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["RequestId"] = message.RequestId,
            ["EventId"] = message.EventId,
            ["MessageId"] = messageId,
            ["Attempt"] = attempt,
        });
        try
        {
            var run = await runner.RunAsync(message.RequestId, message.EventId, cancellationToken);
            return Answer(message, run);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(message, new Delivery(attempt, deliveryCount), ex, cancellationToken);
        }
    }

    private IResult Answer(FulfilmentMessage message, EventRun run)
    {
        switch (run.Outcome)
        {
            case EventRunOutcome.Handled:
                return Completed("Handled", $"Handled {run.EventType} event {message.EventId} of {message.RequestId}.");
            case EventRunOutcome.AlreadyDone:
                logger.LogInformation("Event {EventId} of {RequestId} was already handled; duplicate delivery completed", message.EventId, message.RequestId);
                return Completed("AlreadyDone", $"Event {message.EventId} of {message.RequestId} was already handled (duplicate delivery).");
            case EventRunOutcome.AlreadyParked:
                logger.LogWarning("Event {EventId} of {RequestId} is parked ({Reason}); not run", message.EventId, message.RequestId, run.Reason);
                return Completed("AlreadyParked", $"Event {message.EventId} of {message.RequestId} is parked; an operator must retry it.");
            case EventRunOutcome.Parked:
                return Completed("PermanentFailure", $"Permanent failure: parked {run.EventType} event {message.EventId} of {message.RequestId}: {run.Reason}");
            default:
                logger.LogError("Permanent failure: request {RequestId} of event {EventId} does not exist; completing the message",
                    message.RequestId, message.EventId);
                return Completed("PermanentFailure", $"Permanent failure: request {message.RequestId} does not exist.");
        }
    }

    private async Task<IResult> FailAsync(FulfilmentMessage message, Delivery delivery, Exception ex, CancellationToken cancellationToken)
    {
        var reason = $"{ex.GetType().Name}: {ex.Message}";
        var settings = options.Value;
        var failures = delivery.Attempt + 1;
        if (failures >= settings.MaxAttempts)
        {
            logger.LogError(ex, "Event {EventId} of {RequestId} failed on its last attempt ({Attempts}); parking it", message.EventId, message.RequestId, failures);
            try
            {
                await runner.ParkAsync(message.RequestId, message.EventId, $"Gave up after {failures} attempts: {reason}", cancellationToken);
            }
            catch (Exception parkFailure) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(parkFailure, "Could not park event {EventId} of {RequestId}; leaving it to the queue's redelivery", message.EventId, message.RequestId);
                return await LeaveToRedeliveryAsync(message, delivery.DeliveryCount, reason, ex, cancellationToken);
            }

            return Completed("PermanentFailure", $"Permanent failure: gave up on event {message.EventId} of {message.RequestId} after {failures} attempts: {ex.GetType().Name}");
        }

        var delay = RetryBackoff.Delay(delivery.Attempt, settings.FirstRetryDelay, settings.MaxRetryDelay, (ex as IClassifiedFailure)?.RetryAfter);
        try
        {
            await queue.ScheduleAsync(message.ToQueueMessage(failures), clock.GetUtcNow() + delay, cancellationToken);
            // Retries that may heal are not errors yet.
            logger.LogWarning("Event {EventId} of {RequestId} failed (attempt {Attempts} of {MaxAttempts}), trying again in {Delay}: {Reason}",
                message.EventId, message.RequestId, failures, settings.MaxAttempts, delay, reason);
            return Completed("Rescheduled", $"Transient failure (attempt {failures} of {settings.MaxAttempts}) of event {message.EventId} of {message.RequestId}: {ex.GetType().Name}; next try in {delay}.");
        }
        catch (Exception scheduleFailure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(scheduleFailure, "Could not schedule the next try of event {EventId} of {RequestId}; leaving it to the queue's redelivery",
                message.EventId, message.RequestId);
            return await LeaveToRedeliveryAsync(message, delivery.DeliveryCount, reason, ex, cancellationToken);
        }
    }

    private async Task<IResult> LeaveToRedeliveryAsync(FulfilmentMessage message, int deliveryCount, string reason, Exception ex, CancellationToken cancellationToken)
    {
        var maxDeliveries = options.Value.MaxDeliveryCount;
        if (deliveryCount >= maxDeliveries)
        {
            logger.LogError(ex, "Event {EventId} of {RequestId} failed on its last delivery ({DeliveryCount}); parking it",
                message.EventId, message.RequestId, deliveryCount);
            try
            {
                await runner.ParkAsync(message.RequestId, message.EventId, $"Gave up after {deliveryCount} deliveries: {reason}", cancellationToken);
            }
            catch (Exception parkFailure) when (!cancellationToken.IsCancellationRequested)
            {
                // The dead-lettered message still records the event; the request just does not show it.
                logger.LogError(parkFailure, "Could not park event {EventId} of {RequestId}", message.EventId, message.RequestId);
            }
        }

        return new InvocationResult
        {
            Logs = [$"Transient failure (delivery {deliveryCount} of {maxDeliveries}) of event {message.EventId} of {message.RequestId}: {ex.GetType().Name}"],
        }.ToHttpResult(StatusCodes.Status500InternalServerError);
    }

    /// <summary>How many times the event failed before this message (0 on the relay's message): its application property.</summary>
    private static int AttemptOf(InvocationRequest invocation) =>
        int.TryParse(
            invocation.MetadataPropertyText("ApplicationProperties", FulfilmentQueue.AttemptProperty)
                ?? invocation.MetadataPropertyText("UserProperties", FulfilmentQueue.AttemptProperty),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempt) && attempt > 0
            ? attempt
            : 0;

    private static IResult Completed(string outcome, string log) =>
        new InvocationResult { Logs = [log], ReturnValue = outcome }.ToHttpResult();

    private static FulfilmentMessage? Read(InvocationRequest invocation)
    {
        if (!invocation.TryGetBinding(MessageBinding, out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var message = body.Deserialize<FulfilmentMessage>(RequestJson.Options);
            return message is { RequestId.Length: > 0, EventId.Length: > 0 } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Which try of an event a message is (<see cref="Attempt"/> failures before it) and its Service Bus delivery count.</summary>
internal readonly record struct Delivery(int Attempt, int DeliveryCount);
