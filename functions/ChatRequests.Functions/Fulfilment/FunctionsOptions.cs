using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Functions.Fulfilment;

/// <summary>How the Functions app works the fulfilment queue.</summary>
public sealed class FunctionsOptions
{
    public const string SectionName = "Functions";

    /// <summary>
    /// The fulfilment queue's max delivery count (Service Bus default 10; keep it equal to the queue's setting, infra/).
    /// On that delivery a still failing event is parked in its request, so the request shows why it stopped,
    /// and the message is failed once more so that the host dead-letters it.
    /// </summary>
    [Range(1, 2000)]
    public int MaxDeliveryCount { get; set; } = 10;
}
