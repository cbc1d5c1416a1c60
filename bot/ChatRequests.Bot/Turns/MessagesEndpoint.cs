using System.Text.Json;
using ChatRequests.Bot.Authentication;
using ChatRequests.Bot.Connector;

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

        if (http.Request.ContentLength is > MaxBodyBytes)
        {
            return Results.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem("Activities must be sent as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(
                new LimitedStream(http.Request.Body, MaxBodyBytes), ConnectorJson.Options, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Results.Problem("The body is not a valid activity.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (LimitedStream.TooLargeException)
        {
            return Results.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var problem = activity is null ? "The body is empty." : ActivityValidation.FindProblem(activity);
        if (problem is not null)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var forbidden = authenticator.FindForbidden(authentication.Caller, activity!);
        if (forbidden is not null)
        {
            return Results.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden);
        }

        var invokeResponse = await turns.HandleAsync(activity!, cancellationToken);
        return invokeResponse is null
            ? Results.Ok()
            : Results.Text(invokeResponse.ToJson(), "application/json", statusCode: invokeResponse.HttpStatus);
    }
}
