using System.Net;
using ChatRequests.Core.Fulfilment;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// The retry policy Teams asks for: retry 429, 412, 502 and 504 (and connection failures and attempt timeouts)
/// with exponential backoff and decorrelated jitter, honouring Retry-After; never retry 403 or any other 4xx.
/// </summary>
/// <remarks>
/// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit ("in addition to 429, also retry
/// 412, 502 and 504"). A POST whose attempt timed out is not retried here: Teams may have accepted it, so the caller
/// decides (the outbox retries the event later, and its message ledger counts that post as possibly repeated).
/// </remarks>
internal sealed partial class ConnectorResilience
{
    private static readonly HashSet<HttpStatusCode> TransientStatuses =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.GatewayTimeout,
    ];

    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConnectorResilience> _logger;

    public ConnectorResilience(IOptions<ConnectorOptions> options, TimeProvider timeProvider, ILogger<ConnectorResilience> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        var o = options.Value;

        // Polly's retry strategy needs at least one retry; 0 ("no retries", as the options say) is a pipeline without it.
        var retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (o.MaxRetryAttempts > 0)
        {
            retry.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true, // exponential + jitter is Polly's decorrelated jitter (V2)
                Delay = o.BaseDelay,
                MaxDelay = o.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(DelayBeforeRetry(args.Outcome.Result)),
                OnRetry = args =>
                {
                    ConnectorTelemetry.Retried(args.Context.OperationKey, args.Outcome.Result?.StatusCode);
                    LogRetry(args.Context.OperationKey, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    return default;
                },
            });
        }

        Retry = retry.Build();

        AttemptTimeout = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }

    /// <summary>The retry loop around a whole call (rate limit wait, token, one timed HTTP attempt).</summary>
    public ResiliencePipeline<HttpResponseMessage> Retry { get; }

    /// <summary>The timeout of one HTTP attempt.</summary>
    public ResiliencePipeline AttemptTimeout { get; }

    /// <summary>
    /// Set on calls that may be sent twice without effect (an update): only those are retried after an attempt that timed
    /// out, since a post that timed out may have been delivered (the Bot Connector has no idempotency key).
    /// </summary>
    public static readonly ResiliencePropertyKey<bool> Repeatable = new("chatrequests.connector.repeatable");

    public static bool IsTransient(HttpStatusCode status) => TransientStatuses.Contains(status);

    /// <summary>
    /// 429/412/502/504 and connection failures always; an attempt timeout only for a repeatable call: a post that timed
    /// out fails at once, so that its caller's ledger knows it may have been delivered and its worker is free (ADR 0022).
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Exception: TimeoutRejectedException } => context.Properties.GetValue(Repeatable, false),
        { Exception: HttpRequestException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    /// <summary>
    /// The service's Retry-After, honoured as sent; but a background call's 429 paused its conversation in the limiter
    /// (<see cref="ConnectorRateLimiter.Pause"/>), so its retry goes straight back there and is sent away unsent until the
    /// pause is over instead of sleeping in a relay worker (ADR 0036). Null: the computed backoff.
    /// </summary>
    private TimeSpan? DelayBeforeRetry(HttpResponseMessage? response)
    {
        var retryAfter = RetryAfter(response, _timeProvider.GetUtcNow());
        return retryAfter is not null && response!.StatusCode == HttpStatusCode.TooManyRequests && ConversationWait.Current is not null
            ? TimeSpan.Zero
            : retryAfter;
    }

    /// <summary>The Retry-After of a final answer, for the outbox's next try once these retries ran out.</summary>
    public TimeSpan? RetryAfterOf(HttpResponseMessage response) => RetryAfter(response, _timeProvider.GetUtcNow());

    /// <summary>The service's Retry-After (delta seconds or an HTTP date), if the response carries one.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "unknown";

    // A retry that heals is routine, not a warning.
    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector {Operation} attempt {Attempt} failed ({Failure}); retrying in {Delay}")]
    private partial void LogRetry(string? operation, int attempt, string failure, TimeSpan delay);
}
