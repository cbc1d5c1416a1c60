using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Reporting;

/// <summary>Which rows a scope covers, written once for every store (each may narrow its query first, then applies this).</summary>
public static class ReportScopeFilter
{
    public static bool Covers(this ReportScope scope, RequestFacts facts) =>
        (scope.TeamId is null || facts.TeamId == scope.TeamId)
        && (scope.Category is null || string.Equals(facts.Category, scope.Category, StringComparison.OrdinalIgnoreCase))
        && (scope.RequesterIds is null || scope.RequesterIds.Contains(facts.Requester.Id));

    /// <summary>Anything of the row can fall in the period: logged before its end, and changed since its start or still open.</summary>
    public static bool MayCount(this ReportPeriod period, RequestFacts facts) =>
        facts.SubmittedAt < period.To && (facts.UpdatedAt >= period.From || facts.State.IsOpen());

    public static bool Covers(this ReportScope scope, FormShown form) =>
        (scope.TeamId is null || form.TeamId == scope.TeamId)
        && (scope.Category is null || string.Equals(form.Category, scope.Category, StringComparison.OrdinalIgnoreCase))
        && (scope.RequesterIds is null || scope.RequesterIds.Contains(form.Person.Id))
        && scope.Period.Contains(form.ShownAt);

    public static bool Contains(this ReportPeriod period, DateTimeOffset? at) => at is { } t && t >= period.From && t < period.To;
}
