namespace ChatRequests.Core.Provisioning;

/// <summary>
/// How webhook steps are sent (section <c>Provisioning:Webhooks</c>): the signing secrets by the name the catalog's
/// steps give (on Azure an app setting <c>Provisioning__Webhooks__Secrets__procurement</c> holding a Key Vault reference),
/// and the retries of one delivery before the event goes back to the outbox.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Provisioning:Webhooks";

    /// <summary>A secret must be at least this long: it is the only proof of who sent the request's data.</summary>
    public const int MinSecretLength = 32;

    /// <summary>Signing secrets by name; the catalog names them, never holds them.</summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Attempts per delivery (5xx, 429, 408, timeouts and refused connections are retried).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>How long one attempt waits for the answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the second attempt; it doubles for each next one (with jitter).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, a receiver's Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>A webhook could not be delivered now (no answer, 5xx, 429 after every attempt): transient, retried later.</summary>
public sealed class WebhookUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
