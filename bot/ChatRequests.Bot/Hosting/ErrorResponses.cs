namespace ChatRequests.Bot.Hosting;

/// <summary>
/// Every error the bot's host answers is a ProblemDetails without internals, in every environment: an exception
/// that escapes an endpoint, and an empty 4xx/5xx (no such route, wrong method).
/// </summary>
/// <remarks>
/// In Development, WebApplication puts the developer exception page in front of the pipeline, and it answers a
/// client that does not ask for HTML with the exception's type, message and stack trace as text (or as a
/// ProblemDetails "exception" member). The handler here sits inside it and handles the exception first, so the
/// page never sees one. Turns never get this far (<c>TurnHandler</c> answers their errors); this is the last net.
/// </remarks>
public static class ErrorResponses
{
    public static IServiceCollection AddErrorResponses(this IServiceCollection services) => services.AddProblemDetails();

    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A body that could not be read (cut short, too large for the server) is the client's error, not ours.
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }
}
