using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Bot.Health;

/// <summary>
/// GET /health, App Service's health-check path: liveness only (the process answers and the store answers a point read),
/// so a business condition never gets a healthy instance restarted. GET /status, for monitoring: is fulfilment keeping up
/// (<see cref="StatusReport"/>: counts and ages only, since anyone can call it; which requests and why are on the
/// dashboard for the owning team's lead and in the log), and how many posts were made again after a crash interrupted them.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>The id the liveness probe reads: no request has it (numbers are REQ-nnnnnn), so it is one cheap miss.</summary>
    public const string ProbeRequestId = "liveness-probe";

    private const string LivenessPath = "/health";
    private const string StatusPath = "/status";

    /// <summary>A store that does not answer within this is as good as down for the health check.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(LivenessPath, LivenessAsync);
        app.MapGet(StatusPath, async (RelayHealth health, IMessageLedger ledger, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckAsync(cancellationToken);
            var repostsAfterInterruption = await ledger.CountInterruptedAsync("", cancellationToken);
            return Results.Json(
                new { status = report.IsHealthy ? "healthy" : "degraded", fulfilment = StatusReport.Of(report), repostsAfterInterruption },
                statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }

    /// <summary>Whether a request is one of these probes, which machines make whether or not anyone uses the bot.</summary>
    public static bool IsProbe(PathString path) => path.Equals(LivenessPath, StringComparison.OrdinalIgnoreCase) || path.Equals(StatusPath, StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> LivenessAsync(IRequestStore store, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await store.GetAsync(ProbeRequestId, timeout.Token);
            // How messages are read (ADR 0038): "failed" means the words alone, the reason in the log; never a restart.
            return context.RequestServices.GetService<LexicalInterpreter>() is { } interpreter
                ? Results.Json(new { status = "healthy", encoder = interpreter.EncoderState.ToString().ToLowerInvariant() })
                : Results.Json(new { status = "healthy" });
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The reason goes to the log only: the health-check path is public.
            loggers.CreateLogger(typeof(HealthEndpoint)).LogWarning(exception, "Liveness probe: the store did not answer");
            return Results.Json(new { status = "unhealthy", store = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
