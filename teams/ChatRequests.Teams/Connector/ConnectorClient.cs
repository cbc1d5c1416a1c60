using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// The Bot Connector REST API v3 over HTTP (a typed client of IHttpClientFactory): rate limited per conversation
/// and tenant before every attempt, retried per Teams' rules, errors turned into <see cref="ConnectorException"/>.
/// Routes: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
/// </summary>
internal sealed partial class ConnectorClient : IConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private const int MaxServiceMessageLength = 300;

    private readonly HttpClient _http;
    private readonly IConnectorTokenProvider _tokens;
    private readonly ConnectorRateLimiter _limiter;
    private readonly ConnectorResilience _resilience;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(
        HttpClient http,
        IConnectorTokenProvider tokens,
        ConnectorRateLimiter limiter,
        ConnectorResilience resilience,
        ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _limiter = limiter;
        _resilience = resilience;
        _logger = logger;
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(
            "ReplyToActivity", HttpMethod.Post, ConnectorRoutes.Activity(serviceUrl, conversationId, replyToId),
            Serialize(activity), new RateLimitKey(conversationId, TenantKey(activity.TenantId, serviceUrl)));
        return await SendAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse();
    }

    public async Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(
            "SendToConversation", HttpMethod.Post, ConnectorRoutes.Activities(serviceUrl, conversationId),
            Serialize(activity), new RateLimitKey(conversationId, TenantKey(activity.TenantId, serviceUrl)));
        return await SendAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse();
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // A new channel thread is a post in that channel; a new personal chat is keyed by its member.
        var channelId = parameters.ChannelData?["channel"]?["id"]?.GetValue<string>();
        var conversationKey = channelId ?? "create:" + parameters.Members?.FirstOrDefault()?.Id;
        var tenantId = parameters.TenantId ?? parameters.Activity?.TenantId;
        var call = new ConnectorCall(
            "CreateConversation", HttpMethod.Post, ConnectorRoutes.Conversations(serviceUrl),
            Serialize(parameters), new RateLimitKey(conversationKey, TenantKey(tenantId, serviceUrl)));
        return await SendAsync<ConversationResourceResponse>(call, cancellationToken).ConfigureAwait(false) ?? new ConversationResourceResponse();
    }

    public async Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(
            "UpdateActivity", HttpMethod.Put, ConnectorRoutes.Activity(serviceUrl, conversationId, activityId),
            Serialize(activity), new RateLimitKey(conversationId, TenantKey(activity.TenantId, serviceUrl)));
        return await SendAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse();
    }

    private async Task<T?> SendAsync<T>(ConnectorCall call, CancellationToken cancellationToken)
        where T : class, new()
    {
        using var span = ConnectorTelemetry.Start(call.Operation);
        var context = ResilienceContextPool.Shared.Get(call.Operation, cancellationToken);
        context.Properties.Set(ConnectorResilience.Repeatable, call.Method == HttpMethod.Put);
        HttpResponseMessage response;
        try
        {
            response = await _resilience.Retry.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Call, ctx.CancellationToken),
                context,
                (Self: this, Call: call)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogNoResponse(call.Operation, ex.GetType().Name);
            ConnectorTelemetry.Ended(span, call.Operation, 0);
            throw new ConnectorException(0, null, $"Bot Connector {call.Operation} got no response ({ex.GetType().Name}); given up.", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            ConnectorTelemetry.Ended(span, call.Operation, response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return await ReadAsync<T>(call, response, cancellationToken).ConfigureAwait(false);
            }

            throw await FailureAsync(call, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt: wait for a permit, get a token, send within the attempt timeout.</summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        // Held until the answer is read (or the attempt fails): the limits count the call until a window after that.
        using var permit = await _limiter.AcquireAsync(call.Limits, cancellationToken).ConfigureAwait(false);
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await _resilience.AttemptTimeout.ExecuteAsync(
            static async (state, ct) =>
            {
                using var request = state.Self.CreateRequest(state.Call, state.Token);
                return await state.Self._http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            },
            (Self: this, Call: call, Token: token),
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests && _resilience.RetryAfterOf(response) is { } retryAfter)
        {
            // Teams asked this conversation to wait: every call to it waits, the other conversations do not (ADR 0036).
            _limiter.Pause(call.Limits, retryAfter);
        }

        return response;
    }

    private HttpRequestMessage CreateRequest(ConnectorCall call, string? token)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body) { Headers = { ContentType = JsonContentType } };
        }

        if (token is not null)
        {
            // A bearer token must not travel in clear text; plain http is for loopback development only.
            if (call.Uri.Scheme != Uri.UriSchemeHttps && !call.Uri.IsLoopback)
            {
                request.Dispose();
                throw new InvalidOperationException("Refusing to send the Bot Connector token over plain HTTP to a non-loopback service URL.");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static async Task<T?> ReadAsync<T>(ConnectorCall call, HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class, new()
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, ConnectorJson.Options) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new ConnectorException((int)response.StatusCode, "InvalidResponse", $"Bot Connector {call.Operation} answered {(int)response.StatusCode} with a body that is not the expected JSON.", ex);
        }
    }

    private async Task<ConnectorException> FailureAsync(ConnectorCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (code, message) = ParseError(body);
        if (ConnectorResilience.IsTransient(response.StatusCode) || status >= 500)
        {
            LogFailedAfterRetries(call.Operation, status, code);
        }
        else
        {
            LogRejected(call.Operation, status, code);
        }

        var text = $"Bot Connector {call.Operation} failed with {status}{(code is null ? "" : " " + code)}{(message is null ? "" : ": " + message)}";
        return new ConnectorException(status, code, text) { RetryAfter = _resilience.RetryAfterOf(response) };
    }

    /// <summary>The Bot Connector ErrorResponse: {"error":{"code":"...","message":"..."}}; anything else gives nulls.</summary>
    internal static (string? Code, string? Message) ParseError(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            var error = JsonNode.Parse(body)?["error"];
            return (AsString(error?["code"]), Truncate(AsString(error?["message"])));
        }
        catch (JsonException)
        {
            return (null, null);
        }
        catch (InvalidOperationException)
        {
            return (null, null); // "error" was not an object
        }
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static string? Truncate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxServiceMessageLength ? text : text[..MaxServiceMessageLength] + "...";
    }

    private static string TenantKey(string? tenantId, string serviceUrl) =>
        string.IsNullOrEmpty(tenantId) ? "serviceUrl:" + serviceUrl.TrimEnd('/').ToLowerInvariant() : "tenant:" + tenantId;

    private static byte[] Serialize<T>(T body) => JsonSerializer.SerializeToUtf8Bytes(body, ConnectorJson.Options);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Connector {Operation} got no response ({Failure}) and is given up")]
    private partial void LogNoResponse(string operation, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Connector {Operation} failed with {StatusCode} {ErrorCode}")]
    private partial void LogFailedAfterRetries(string operation, int statusCode, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Operation} was refused with {StatusCode} {ErrorCode}; not retried")]
    private partial void LogRejected(string operation, int statusCode, string? errorCode);

    private sealed record ConnectorCall(string Operation, HttpMethod Method, Uri Uri, byte[]? Body, RateLimitKey Limits);
}
