using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Charts;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Understanding;
using ChatRequests.Teams.Authentication;

namespace ChatRequests.Bot.Dashboard;

/// <summary>
/// The dashboard tab: GET /dashboard (embedded page, script and the bundled Teams library; no CDN), /dashboard/config
/// (the team tab's configuration page), GET /dashboard/api/report (the figures and charts as JSON, for the same people
/// and in the same scopes as the chat's report: <see cref="ReportDesk"/>) and GET /dashboard/api/live (the queue, SLA
/// breaches and parked events: <see cref="LiveBoard"/>). The caller is the tab's Teams SSO token
/// (<see cref="TabTokenValidator"/>) when SSO is configured; without it, only in Development, the page says who it is
/// for with <c>?as=</c> a person id. A refusal carries no figures.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The page's files, embedded in the assembly: path, resource name, content type.</summary>
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/dashboard", "dashboard.html", "text/html; charset=utf-8"),
        ("/dashboard/config", "config.html", "text/html; charset=utf-8"),
        ("/dashboard/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
        ("/dashboard/config.js", "config.js", "text/javascript; charset=utf-8"),
        ("/dashboard/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
        ("/dashboard/teams-js.js", "teams-js.MicrosoftTeams.min.js", "text/javascript; charset=utf-8"),
    ];

    // Teams shows the tab in a frame; nothing else may frame it, and it runs and loads nothing from elsewhere (the Teams
    // library's optional fetch of its list of Teams hosts is refused, so it uses the list it carries).
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
        + "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream($"ChatRequests.Bot.Dashboard.{resource}")
                    ?? throw new InvalidOperationException($"The dashboard file {resource} is not embedded.");
                return Results.Stream(stream, contentType);
            });
        }

        app.MapGet("/dashboard/api/report", async (
            HttpContext http, TabTokenValidator sso, IHostEnvironment environment, ReportDesk desk,
            string? period, string? team, string? category, string? @as, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAsync(http, sso, environment, @as, cancellationToken);
            if (caller.PersonId is not { } personId)
            {
                return NotSignedIn(caller);
            }

            // One scope at a time, as in the chat: a category is looked for in the teams the caller may see.
            var scope = string.IsNullOrWhiteSpace(category) ? team : category;
            var answer = await desk.AnswerAsync(personId, new ReportAsk(Trimmed(period), Trimmed(scope)), channelId: null, cancellationToken);
            return answer switch
            {
                ReportAnswer.Figures figures => Results.Json(
                    new { covers = figures.Covers, zone = figures.Zone.Id, report = figures.Report, charts = DashboardCharts.Render(figures.Report) }, Json),
                ReportAnswer.Refused refused => Results.Json(new { title = refused.Title, text = refused.Text }, statusCode: StatusCodes.Status403Forbidden),
                _ => throw new InvalidOperationException("Unknown report answer."),
            };
        });
        app.MapGet("/dashboard/api/live", async (
            HttpContext http, TabTokenValidator sso, IHostEnvironment environment, LiveBoard board,
            string? team, string? category, string? @as, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAsync(http, sso, environment, @as, cancellationToken);
            if (caller.PersonId is not { } personId)
            {
                return NotSignedIn(caller);
            }

            return await board.AnswerAsync(personId, Trimmed(team), Trimmed(category), cancellationToken) switch
            {
                LiveAnswer.Board live => Results.Json(live, Json),
                LiveAnswer.Refused refused => Results.Json(new { title = refused.Title, text = refused.Text }, statusCode: StatusCodes.Status403Forbidden),
                _ => throw new InvalidOperationException("Unknown live answer."),
            };
        });
        return app;
    }

    private static IResult NotSignedIn(TabCaller caller) => caller.Unavailable
        ? Results.Json(new { title = "Unavailable", text = "The dashboard cannot check sign-ins right now." }, statusCode: StatusCodes.Status503ServiceUnavailable)
        : Results.Json(new { title = "Sign in", text = "Open the dashboard from its tab in Teams." }, statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<TabCaller> CallerAsync(
        HttpContext http, TabTokenValidator sso, IHostEnvironment environment, string? asPerson, CancellationToken cancellationToken)
    {
        if (sso.IsEnabled)
        {
            return await sso.ValidateAsync(http.Request.Headers.Authorization.ToString(), cancellationToken);
        }

        return environment.IsDevelopment() && Trimmed(asPerson) is { } person ? new TabCaller(person) : TabCaller.Refused;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)];
}
