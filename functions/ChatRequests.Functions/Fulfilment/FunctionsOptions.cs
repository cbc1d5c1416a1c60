using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Functions.Fulfilment;

/// <summary>How the Functions app works the fulfilment queue.</summary>
public sealed class FunctionsOptions
{
    public const string SectionName = "Functions";

    /// <summary>
    /// The fulfilment queue's max delivery count (Service Bus default 10; keep it equal to the queue's setting, infra/).
    /// Redelivery is the fallback when a retry cannot be scheduled (the namespace unreachable): on that delivery a still
    /// failing event is parked in its request, so the request shows why it stopped, and the message is failed once more
    /// so that the host dead-letters it.
    /// </summary>
    [Range(1, 2000)]
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>
    /// Tries of an event that fails transiently before it is parked. Each failed try schedules the next one as a new
    /// message after <see cref="FirstRetryDelay"/> × 2^failures, capped at <see cref="MaxRetryDelay"/>: with the
    /// defaults 10 s, 20 s, 40 s ... 15 min, 15 min, about 51 minutes from the first failure to the tenth.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
}
