using ChatRequests.Bot.Health;
using ChatRequests.Composition.Memory;

namespace ChatRequests.Bot.Hosting;

/// <summary>
/// Every request the bot serves is work (<see cref="WorkWatch"/>), so its memory is released only when no one uses it
/// (<see cref="IdleMemoryRelease"/>). Health and status probes are not: App Service and monitoring call them every minute
/// or so, and an idle bot would otherwise never be idle.
/// </summary>
public static class WorkNotes
{
    public static WebApplication UseWorkNotes(this WebApplication app)
    {
        var watch = app.Services.GetRequiredService<WorkWatch>();
        app.Use((context, next) =>
        {
            if (!HealthEndpoint.IsProbe(context.Request.Path))
            {
                watch.NoteWork();
            }

            return next(context);
        });
        return app;
    }
}
