using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Reporting;

// Reading a fact row from a request document: only the document, so the same row comes out wherever it is built
// (the outbox handler, the Cosmos DB change feed, a rebuild).
public sealed partial record RequestFacts
{
    /// <summary>The fact row of <paramref name="request"/> as its document stands (at <see cref="ServiceRequest.Version"/>).</summary>
    public static RequestFacts From(ServiceRequest request)
    {
        var history = request.History;
        var fulfilling = request.State is RequestState.Fulfilled or RequestState.Closed
            ? history.LastOrDefault(h => h.To == RequestState.Fulfilled && h.From != RequestState.Fulfilled)
            : null;
        var reopens = history.Count(h => h.Action == AuditAction.Reopen);
        var qcFailures = history.Count(h => h.Action == AuditAction.FailReview);
        var assigned = history.FirstOrDefault(h => h.Action == AuditAction.Assign);
        var ending = request.State is RequestState.Cancelled or RequestState.Rejected or RequestState.Closed
            ? history.LastOrDefault(h => h.To == request.State && h.From != request.State)
            : null;
        return new RequestFacts
        {
            RequestId = request.Id,
            Version = request.Version,
            SubmissionKey = request.SubmissionKey,
            TeamId = request.TeamId,
            Category = request.Category,
            CatalogItemId = request.CatalogItemId,
            ItemName = request.ItemName,
            Restricted = request.Restricted,
            Requester = request.Requester,
            State = request.State,
            SubmittedAt = request.SubmittedAt,
            UpdatedAt = request.UpdatedAt,
            ApprovalAskedAt = history.FirstOrDefault(h => h.Action == AuditAction.RequestApproval)?.At,
            ApprovedAt = history.LastOrDefault(h => h.Action == AuditAction.Approve || h.Action == AuditAction.SkipApproval)?.At,
            NeededApproval = history.Any(h => h.Action == AuditAction.Approve),
            Stages = [.. request.Approvals.Select((s, i) => Stage(request, s, i))],
            AssignedAt = assigned?.At,
            FulfilledAt = fulfilling?.At,
            ClosedAt = request.State == RequestState.Closed ? ending?.At : null,
            CancelledAt = request.State == RequestState.Cancelled ? ending?.At : null,
            // A redacted line (retention) holds a placeholder, not a reason anyone gave.
            CancelReason = request.State == RequestState.Cancelled && ending is { Redacted: false } ? ending.Comment : null,
            RejectedAt = request.State == RequestState.Rejected ? ending?.At : null,
            RejectReason = request.State == RequestState.Rejected && ending is { Redacted: false } ? ending.Comment : null,
            DueAt = request.DueAt,
            SlaMet = fulfilling is null ? null : fulfilling.At <= request.DueAt,
            ReopenCount = reopens,
            QcFailures = qcFailures,
            Automated = fulfilling?.Action == AuditAction.CompleteProvisioning && assigned is null && reopens == 0 && qcFailures == 0,
            Rating = request.Feedback?.Rating,
            RatedAt = request.Feedback?.At,
            TimeInStates = fulfilling is null ? [] : TimeInStatesUntil(request, fulfilling),
        };
    }

    private static StageFacts Stage(ServiceRequest request, ApprovalStage stage, int index)
    {
        // An "all" stage keeps every approval, the last of which is also its decision; a rejection is the decision alone.
        var decisions = stage.ApprovedBy.Select(d => new DecisionFacts(new PersonRef(d.ById, d.ByWhom), d.At, d.Approved)).ToList();
        if (stage.Decision is { } decision && !stage.ApprovedBy.Any(d => d.ById == decision.ById && d.At == decision.At))
        {
            decisions.Add(new DecisionFacts(new PersonRef(decision.ById, decision.ByWhom), decision.At, decision.Approved));
        }

        return new StageFacts(stage.Name, request.StageRequestedAt(index), decisions)
        {
            DecidedAt = stage.Decision?.At,
            Approved = stage.Decision?.Approved,
        };
    }

    /// <summary>Walks the history's changes of state from submission to <paramref name="until"/> (the fulfilment), adding up each state's time.</summary>
    private static IReadOnlyList<StateTime> TimeInStatesUntil(ServiceRequest request, AuditEntry until)
    {
        var times = new List<StateTime>();
        var current = RequestState.Submitted;
        var since = request.SubmittedAt;
        foreach (var entry in request.History)
        {
            if (entry.To != current)
            {
                Add(times, current, entry.At - since);
                current = entry.To;
                since = entry.At;
            }

            if (ReferenceEquals(entry, until))
            {
                break;
            }
        }

        return times;
    }

    private static void Add(List<StateTime> times, RequestState state, TimeSpan time)
    {
        var index = times.FindIndex(t => t.State == state);
        if (index < 0)
        {
            times.Add(new StateTime(state, time));
        }
        else
        {
            times[index] = times[index] with { Time = times[index].Time + time };
        }
    }
}
