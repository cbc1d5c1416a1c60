using ChatRequests.Embedded.Fulfillment;

namespace ChatRequests.Bot.Health;

/// <summary>GET /health: is the bot up, and is fulfilment keeping up (pending and parked events, with reasons).</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (RelayHealth health, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckAsync(cancellationToken);
            return Results.Json(report, statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
