using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;

namespace ChatRequests.Bot.Health;

/// <summary>
/// GET /health: is the bot up, is fulfilment keeping up (pending and parked events, with reasons), and how many
/// posts were made again after a crash interrupted them (each may have reached Teams twice).
/// </summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (RelayHealth health, IMessageLedger ledger, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckAsync(cancellationToken);
            var repostsAfterInterruption = await ledger.CountInterruptedAsync("", cancellationToken);
            return Results.Json(
                new { status = report.IsHealthy ? "healthy" : "degraded", fulfilment = report, repostsAfterInterruption },
                statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
