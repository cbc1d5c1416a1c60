using System.Text.Json.Serialization;
using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Requests;

/// <summary>
/// The retention rule a request is kept under: the organisation's <see cref="RetentionSettings"/> as of submission, brought
/// up to date by the SLA sweep when the settings change (<see cref="ServiceRequest.AdoptRetention"/>).
/// </summary>
public sealed record RetentionRule(int? AnonymiseAfterDays, int? KeepAuditYears)
{
    public static RetentionRule? From(RetentionSettings? settings) =>
        settings is { AnonymiseClosedAfterDays: null, KeepAuditYears: null } or null
            ? null
            : new RetentionRule(settings.AnonymiseClosedAfterDays, settings.KeepAuditYears);

    /// <summary>"anonymised 30 days after closing, audit kept 7 years": how the history names the policy.</summary>
    [JsonIgnore]
    public string Describe =>
        (AnonymiseAfterDays is { } days ? $"anonymised {days} day{(days == 1 ? "" : "s")} after closing" : "never anonymised")
        + (KeepAuditYears is { } years ? $", audit kept {years} year{(years == 1 ? "" : "s")}" : "");
}

/// <summary>When and why a request's personal data was removed: by the retention policy (the system) or by an auditor's erasure.</summary>
public sealed record Anonymisation(DateTimeOffset At, PersonRef By, string Why);
