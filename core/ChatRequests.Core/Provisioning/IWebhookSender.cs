namespace ChatRequests.Core.Provisioning;

/// <summary>
/// The port of the webhook step: POSTs a request's data, signed, to the step's endpoint. Registered in every mode
/// (webhooks need no Microsoft Graph), so webhook steps run on the embedded default too.
/// </summary>
public interface IWebhookSender
{
    /// <summary>
    /// Delivers <paramref name="delivery"/>, retrying 5xx, 429 and timeouts with backoff. Throws
    /// <see cref="ProvisioningRefusedException"/> when it can never succeed (a 4xx answer, no secret configured, a URL
    /// that is not https); any other exception is transient: the event is retried later with the same idempotency key.
    /// </summary>
    Task SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default);
}

/// <summary>
/// One webhook step of one request: where it goes, the name of its signing secret, the key the receiver deduplicates
/// by (the same on every attempt and redelivery), and what it carries.
/// </summary>
public sealed record WebhookDelivery(string Url, string SecretName, string IdempotencyKey, WebhookPayload Payload);

/// <summary>The body of a webhook POST (JSON, camelCase): which request, item and requester, and the form's fields.</summary>
public sealed record WebhookPayload(
    string RequestId, int Step, string ItemId, string ItemName, WebhookPerson Requester, IReadOnlyDictionary<string, string> Fields);

/// <summary>A person in a webhook body: the Entra object id (or directory id) and the display name.</summary>
public sealed record WebhookPerson(string Id, string Name);
