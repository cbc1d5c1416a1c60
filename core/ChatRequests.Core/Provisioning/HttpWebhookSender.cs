using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Core.Provisioning;

/// <summary>
/// <see cref="IWebhookSender"/> over HTTPS. Each attempt carries <c>Idempotency-Key</c> (the same on every attempt and
/// redelivery), <c>X-ChatRequests-Timestamp</c> (Unix seconds) and <c>X-ChatRequests-Signature</c>:
/// <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed with the step's secret, of the timestamp, a dot and the raw
/// body. A receiver recomputes it, compares in constant time, refuses a timestamp more than five minutes off, and does
/// the work once per idempotency key (README, "Webhook steps").
/// </summary>
public sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string TimestampHeader = "X-ChatRequests-Timestamp";
    public const string SignatureHeader = "X-ChatRequests-Signature";

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<HttpWebhookSender> _logger;

    public HttpWebhookSender(IOptions<WebhookOptions> options, TimeProvider clock, ILogger<HttpWebhookSender> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        // A redirect would take the signed data somewhere the catalog did not name: not followed, refused.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The signature header's value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.ASCII.GetByteCount($"{timestamp}.") + body.Length];
        var prefix = Encoding.ASCII.GetBytes($"{timestamp}.", signed);
        body.CopyTo(signed.AsSpan(prefix));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public async Task SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        if (WebhookUrl.Problem(delivery.Url) is { } problem)
        {
            throw new ProvisioningRefusedException($"The webhook URL {problem}");
        }

        if (!_options.Secrets.TryGetValue(delivery.SecretName, out var secret) || string.IsNullOrWhiteSpace(secret))
        {
            throw new ProvisioningRefusedException(
                $"No signing secret is configured for the webhook ({WebhookOptions.SectionName}:Secrets:{delivery.SecretName})");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(delivery.Payload, BodyJson);
        var failure = "";
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            (failure, var retryAfter) = await AttemptAsync(delivery, secret, body, cancellationToken);
            if (failure.Length == 0)
            {
                _logger.LogInformation("Webhook {IdempotencyKey} delivered (attempt {Attempt})", delivery.IdempotencyKey, attempt);
                return;
            }

            _logger.LogInformation("Webhook {IdempotencyKey} attempt {Attempt} of {MaxAttempts}: {Failure}",
                delivery.IdempotencyKey, attempt, _options.MaxAttempts, failure);
            if (attempt < _options.MaxAttempts)
            {
                await Task.Delay(Delay(attempt, retryAfter), _clock, cancellationToken);
            }
        }

        throw new WebhookUnavailableException($"The webhook {delivery.IdempotencyKey} was not delivered in {_options.MaxAttempts} attempts: {failure}");
    }

    /// <summary>One POST: "" when delivered, else what went wrong and the receiver's Retry-After; a refusal throws.</summary>
    private async Task<(string Failure, TimeSpan? RetryAfter)> AttemptAsync(
        WebhookDelivery delivery, string secret, byte[] body, CancellationToken cancellationToken)
    {
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(IdempotencyKeyHeader, delivery.IdempotencyKey);
        request.Headers.Add(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return ("", null);
            }

            if (status is 408 or 429 or >= 500)
            {
                return ($"answered {status} {response.ReasonPhrase}", RetryAfter(response));
            }

            // 3xx (not followed) and every other 4xx: the receiver will not take this request, however often it is sent.
            throw new ProvisioningRefusedException($"The webhook endpoint answered {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"no answer in {_options.AttemptTimeout.TotalSeconds:0.#} s", null);
        }
        catch (HttpRequestException ex)
        {
            return ($"could not be reached ({ex.HttpRequestError})", null);
        }
    }

    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = _options.FirstRetryDelay * Math.Pow(2, attempt - 1) * (0.5 + (Random.Shared.NextDouble() / 2));
        var wait = retryAfter ?? backoff;
        return wait > _options.MaxRetryDelay ? _options.MaxRetryDelay : wait;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        TimeSpan? wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _clock.GetUtcNow(),
            _ => null,
        };
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Dispose() => _http.Dispose();
}
