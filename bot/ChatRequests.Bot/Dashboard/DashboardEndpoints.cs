using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Understanding;
using ChatRequests.Teams.Authentication;

namespace ChatRequests.Bot.Dashboard;

/// <summary>
/// The dashboard tab: GET /dashboard (one embedded page, no CDN) and GET /dashboard/api/report (the figures as JSON,
/// for the same people and in the same scopes as the chat's report: <see cref="ReportDesk"/>). The caller is the
/// tab's Teams SSO token (<see cref="TabTokenValidator"/>) when SSO is configured; without it, only in Development,
/// the page says who it is for with <c>?as=</c> a person id. A refusal carries no figures.
/// </summary>
public static class DashboardEndpoints
{
    private const string PageResource = "ChatRequests.Bot.Dashboard.dashboard.html";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", (HttpContext http) =>
        {
            // Teams shows the tab in a frame; nothing else may frame it, and it loads nothing from elsewhere.
            http.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
                + "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft";
            return Results.Stream(typeof(DashboardEndpoints).Assembly.GetManifestResourceStream(PageResource)!, "text/html; charset=utf-8");
        });

        app.MapGet("/dashboard/api/report", async (
            HttpContext http, TabTokenValidator sso, IHostEnvironment environment, ReportDesk desk,
            string? period, string? team, string? category, string? @as, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAsync(http, sso, environment, @as, cancellationToken);
            if (caller.PersonId is not { } personId)
            {
                return caller.Unavailable
                    ? Results.Json(new { title = "Unavailable", text = "The dashboard cannot check sign-ins right now." }, statusCode: StatusCodes.Status503ServiceUnavailable)
                    : Results.Json(new { title = "Sign in", text = "Open the dashboard from its tab in Teams." }, statusCode: StatusCodes.Status401Unauthorized);
            }

            // One scope at a time, as in the chat: a category is looked for in the teams the caller may see.
            var scope = string.IsNullOrWhiteSpace(category) ? team : category;
            var answer = await desk.AnswerAsync(personId, new ReportAsk(Trimmed(period), Trimmed(scope)), channelId: null, cancellationToken);
            return answer switch
            {
                ReportAnswer.Figures figures => Results.Json(new { covers = figures.Covers, zone = figures.Zone.Id, report = figures.Report }, Json),
                ReportAnswer.Refused refused => Results.Json(new { title = refused.Title, text = refused.Text }, statusCode: StatusCodes.Status403Forbidden),
                _ => throw new InvalidOperationException("Unknown report answer."),
            };
        });
        return app;
    }

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
