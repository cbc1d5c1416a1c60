using System.Net;
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
/// 412, 502 and 504"). A retried POST whose first attempt timed out after Teams accepted it can post twice; the
/// callers' message ledger keeps redeliveries of an event from posting again, not this rare case.
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
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, _timeProvider.GetUtcNow())),
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

    public static bool IsTransient(HttpStatusCode status) => TransientStatuses.Contains(status);

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
