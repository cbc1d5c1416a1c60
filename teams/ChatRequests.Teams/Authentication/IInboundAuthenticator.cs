using ChatRequests.Teams.Connector;
using Microsoft.AspNetCore.Http;

namespace ChatRequests.Teams.Authentication;

/// <summary>
/// Decides whether a POST /api/messages comes from the Bot Connector and may be processed: first the bearer token
/// alone (before the body is read), then the token against the activity it carries.
/// </summary>
public interface IInboundAuthenticator
{
    /// <summary>Checks the Authorization header; never throws for a bad token.</summary>
    Task<InboundAuthentication> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken = default);

    /// <summary>Why <paramref name="caller"/> may not deliver <paramref name="activity"/> (answered with 403), or null when it may.</summary>
    string? FindForbidden(InboundCaller caller, Activity activity);
}

/// <summary>What a valid token proves about its sender.</summary>
/// <param name="IsAuthenticated">False only when inbound authentication is off (Development without an app id).</param>
/// <param name="ServiceUrl">The token's serviceurl claim.</param>
/// <param name="Endorsements">The channels the signing key is endorsed for; null when the key set carries no endorsements.</param>
public sealed record InboundCaller(bool IsAuthenticated, string? ServiceUrl, IReadOnlyCollection<string>? Endorsements)
{
    public static readonly InboundCaller Unauthenticated = new(false, null, null);
}

/// <summary>The outcome of checking the token: a caller, or the HTTP status and reason to refuse with.</summary>
public sealed record InboundAuthentication(InboundCaller? Caller, int StatusCode, string? Problem)
{
    public static InboundAuthentication Accepted(InboundCaller caller) => new(caller, StatusCodes.Status200OK, null);

    public static InboundAuthentication Unauthorized(string problem) => new(null, StatusCodes.Status401Unauthorized, problem);

    /// <summary>The signing keys could not be fetched: the sender may retry later.</summary>
    public static InboundAuthentication Unavailable(string problem) => new(null, StatusCodes.Status503ServiceUnavailable, problem);
}
