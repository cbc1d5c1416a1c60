using ChatRequests.Core.Fulfilment;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// The Bot Connector REST API, as far as this bot uses it. Calls are retried on 429/412/502/504 (honouring
/// Retry-After) and rate limited per conversation and per tenant; 403 is never retried.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST /v3/conversations/{conversationId}/activities/{replyToId}</summary>
    Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations/{conversationId}/activities</summary>
    Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations: a personal chat with a user, or a new thread in a channel.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>PUT /v3/conversations/{conversationId}/activities/{activityId}</summary>
    Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);
}

/// <summary>The Bot Connector answered with an error that retrying will not fix (or retries ran out).</summary>
public sealed class ConnectorException : Exception, IClassifiedFailure
{
    public ConnectorException(int statusCode, string message)
        : this(statusCode, null, message)
    {
    }

    public ConnectorException(int statusCode, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status the service answered with; 0 when no answer came (connection failure, timeouts).</summary>
    public int StatusCode { get; }

    /// <summary>The service's error code (ErrorResponse error.code, e.g. "BotNotInConversationRoster"), if it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>
    /// 403 (bot not in the roster, blocked by the user, disabled by an admin) or 404 (user or conversation not found): the
    /// person cannot be reached this way, whatever the number of retries.
    /// </summary>
    public bool MeansUnreachable => StatusCode is 403 or 404;

    /// <summary>
    /// 400, 401, 403 (bot not in the roster, blocked by the user, disabled by an admin), 404 (conversation or user not
    /// found) and other 4xx: retrying cannot help. 408, 412, 429, 5xx and no answer at all (0, a timeout) are transient.
    /// </summary>
    public bool IsPermanent => StatusCode is >= 400 and < 500 and not 429 and not 412 and not 408;

    /// <summary>The service's Retry-After on its last answer, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A background call sent away unsent: its place in its conversation's line, kept for it (ADR 0036).</summary>
    public IKeptPlace? Kept { get; init; }

    /// <summary>A local rate limit refused the call before it was sent (its queue was full or the wait was over).</summary>
    public bool WasNotSent => StatusCode == 429 && ErrorCode is LocalRateLimit or LocalQueueFull;

    internal const string LocalRateLimit = "LocalRateLimit";
    internal const string LocalQueueFull = "LocalQueueFull";
}
