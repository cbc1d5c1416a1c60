using System.Text.Json;
using ChatRequests.Teams.Authentication;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Turns;

/// <summary>POST /api/messages: where the Bot Connector delivers every activity.</summary>
public static class MessagesEndpoint
{
    /// <summary>Teams activities are small; anything larger is not one.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, IInboundAuthenticator authenticator, TurnHandler turns, CancellationToken cancellationToken)
    {
        // Who is calling is settled before the body is even read.
        string? authorization = http.Request.Headers.Authorization;
        var authentication = await authenticator.AuthenticateAsync(authorization, cancellationToken);
        if (authentication.Caller is null)
        {
            if (authentication.StatusCode == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Results.Problem(authentication.Problem, statusCode: authentication.StatusCode);
        }

        var (activity, refusal) = await ReadActivityAsync(http.Request, cancellationToken);
        if (activity is null)
        {
            return refusal!;
        }

        var forbidden = authenticator.FindForbidden(authentication.Caller, activity);
        if (forbidden is not null)
        {
            return Results.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden);
        }

        var invokeResponse = await turns.HandleAsync(activity, cancellationToken);
        return invokeResponse is null
            ? Results.Ok()
            : Results.Text(invokeResponse.Utf8Body.Span, "application/json", statusCode: invokeResponse.HttpStatus);
    }

    /// <summary>The activity in the body, well formed enough to process; or the 4xx that says why not.</summary>
    private static async Task<(Activity? Activity, IResult? Refusal)> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, Results.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge));
        }

        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem("Activities must be sent as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(
                new LimitedStream(request.Body, MaxBodyBytes), ConnectorJson.Inbound, cancellationToken);
        }
        catch (JsonException ex)
        {
            // The path says where (a member of the wrong JSON type, a property named twice, broken JSON); the parser's own words stay out.
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" (at {ex.Path})";
            return (null, Results.Problem($"The body is not a valid activity{where}.", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (ArgumentException)
        {
            // System.Text.Json 10 reports a name repeated inside channelData or value (read as JsonObject) this way.
            return (null, Results.Problem("The body is not a valid activity (a property is named twice).", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (InvalidOperationException)
        {
            return (null, Results.Problem("The body is not a valid activity.", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (LimitedStream.TooLargeException)
        {
            return (null, Results.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Results.Problem("The body could not be read.", statusCode: ex.StatusCode));
        }

        var problem = activity is null ? "The body is empty." : ActivityValidation.FindProblem(activity);
        return problem is null
            ? (activity, null)
            : (null, Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest));
    }
}
