using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// Retries, timeouts and rate limits of the outbound Bot Connector calls (configuration section "Connector").
/// The rate limit defaults are Teams' published limits for one bot: per conversation 7 per second, 8 per 2 s,
/// 60 per 30 s, 1800 per hour; per app and tenant 50 requests per second.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>Retries after the first attempt (so at most 1 + this many calls). 0 disables retrying.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially with decorrelated jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of a computed backoff delay (a Retry-After from the service is honoured as sent).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one HTTP attempt; waiting in the rate limiter queue does not count.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public RateLimitWindow ConversationPerSecond { get; set; } = new() { PermitLimit = 7, Window = TimeSpan.FromSeconds(1) };

    public RateLimitWindow ConversationPerTwoSeconds { get; set; } = new() { PermitLimit = 8, Window = TimeSpan.FromSeconds(2) };

    public RateLimitWindow ConversationPerThirtySeconds { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromSeconds(30) };

    public RateLimitWindow ConversationPerHour { get; set; } = new() { PermitLimit = 1800, Window = TimeSpan.FromHours(1) };

    public RateLimitWindow TenantPerSecond { get; set; } = new() { PermitLimit = 50, Window = TimeSpan.FromSeconds(1) };

    /// <summary>
    /// Callers beyond a limit wait in a queue, oldest first; past this many waiting calls per conversation (or
    /// tenant) a call fails at once with a transient <see cref="ConnectorException"/> (429).
    /// </summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>
    /// How long one call may wait in that queue: past it the call fails with a transient 429 ("LocalRateLimit") whose
    /// Retry-After is this wait, so that a background worker is not held by a burst to one conversation while others'
    /// events wait (the outbox tries the event again later; ADR 0022).
    /// </summary>
    public TimeSpan MaxPermitWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A call to a conversation under way this long is taken for hung: the conversation's next background call is sent
    /// away at once (its event put off until the hung call's attempt has timed out) instead of waiting behind it in a
    /// worker (ADR 0036). Teams answers in 100-300 ms.
    /// </summary>
    public TimeSpan SlowCallAfter { get; set; } = TimeSpan.FromSeconds(5);

    internal IEnumerable<(string Name, RateLimitWindow Window)> ConversationWindows()
    {
        // Longest window first: a caller then holds short-window permits only for a moment.
        yield return (nameof(ConversationPerHour), ConversationPerHour);
        yield return (nameof(ConversationPerThirtySeconds), ConversationPerThirtySeconds);
        yield return (nameof(ConversationPerTwoSeconds), ConversationPerTwoSeconds);
        yield return (nameof(ConversationPerSecond), ConversationPerSecond);
    }
}

/// <summary>At most <see cref="PermitLimit"/> calls in any <see cref="Window"/>.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetryAttempts is < 0 or > 20)
        {
            failures.Add($"{ConnectorOptions.SectionName}:{nameof(options.MaxRetryAttempts)} must be between 0 and 20.");
        }

        RequirePositive(failures, nameof(options.BaseDelay), options.BaseDelay);
        RequirePositive(failures, nameof(options.MaxDelay), options.MaxDelay);
        RequirePositive(failures, nameof(options.AttemptTimeout), options.AttemptTimeout);
        RequirePositive(failures, nameof(options.MaxPermitWait), options.MaxPermitWait);
        RequirePositive(failures, nameof(options.SlowCallAfter), options.SlowCallAfter);
        if (options.MaxDelay < options.BaseDelay)
        {
            failures.Add($"{ConnectorOptions.SectionName}:{nameof(options.MaxDelay)} must not be shorter than {nameof(options.BaseDelay)}.");
        }

        foreach (var (windowName, window) in options.ConversationWindows().Append((nameof(options.TenantPerSecond), options.TenantPerSecond)))
        {
            if (window is null || window.PermitLimit <= 0 || window.Window <= TimeSpan.Zero)
            {
                failures.Add($"{ConnectorOptions.SectionName}:{windowName} needs a positive PermitLimit and Window.");
            }
        }

        if (options.QueueLimit <= 0)
        {
            failures.Add($"{ConnectorOptions.SectionName}:{nameof(options.QueueLimit)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{ConnectorOptions.SectionName}:{name} must be positive.");
        }
    }
}
