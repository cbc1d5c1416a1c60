using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;

namespace ChatRequests.Cards;

/// <summary>The approval SLA, apart from the fulfilment target: when the pending stage goes to someone else unanswered.</summary>
internal static class ApprovalDue
{
    /// <summary>"Approval due: (time) (then it goes to someone else)", while a stage with a timeout still waits for its first approvers.</summary>
    public static IEnumerable<Fact> Facts(ServiceRequest r) =>
        r is { State: RequestState.AwaitingApproval, PendingStage: { Decision: null, TimedOutAt: null, TimeoutHours: { } hours } }
            ? [Fact.Moment("Approval due", SlaPolicy.TimeoutAt(r, hours), after: " (then it goes to someone else)")]
            : [];
}
