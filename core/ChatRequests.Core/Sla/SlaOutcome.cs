namespace ChatRequests.Core.Sla;

/// <summary>What one SLA check did to a request (each at most once per request, or per approval stage for reminders).</summary>
public sealed record SlaOutcome(bool RemindedApprovers, bool WarnedAtRisk, bool Escalated)
{
    public static SlaOutcome None { get; } = new(false, false, false);

    public bool DidAnything => RemindedApprovers || WarnedAtRisk || Escalated;
}
