namespace ChatRequests.Azure.Fulfilment;

/// <summary>
/// Where the Functions app sends fulfilment messages: the same <c>ServiceBus</c> section the queue trigger's identity-based
/// connection reads (<c>ServiceBus__fullyQualifiedNamespace</c>, <c>ServiceBus__clientId</c>), so one setting names the
/// namespace for receiving and sending.
/// </summary>
public sealed class FulfilmentQueueOptions
{
    public const string SectionName = "ServiceBus";

    /// <summary>The namespace host, e.g. <c>contoso-chatrequests.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The client id of the user-assigned managed identity to sign in with; none: DefaultAzureCredential's choice.</summary>
    public string? ClientId { get; set; }

    /// <summary>The queue RunFulfilmentStep is triggered by (RunFulfilmentStep/function.json).</summary>
    public string QueueName { get; set; } = "fulfilment";
}
