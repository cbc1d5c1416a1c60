using System.Text.Json.Serialization;
using ChatRequests.Core.AccessReviews;

namespace ChatRequests.Core.Requests;

// The periodic access reviews of what the request granted: each outcome of a review line is recorded once in the
// history (who decided, which review), and a removal also here, so that later reviews know the access is gone.
public sealed partial class ServiceRequest
{
    private List<AccessReviewMark>? _accessReviewMarks;

    /// <summary>Every review outcome recorded on this request; null until the first.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AccessReviewMark>? AccessReviewMarks
    {
        get => _accessReviewMarks;
        internal set => _accessReviewMarks = value is null ? null : [.. value];
    }

    /// <summary>The groups an access review took the requester out of, and when.</summary>
    [JsonIgnore]
    public IEnumerable<AccessReviewMark> AccessRemovals => (_accessReviewMarks ?? []).Where(m => m.Outcome == AccessLineOutcome.Removed);

    /// <summary>
    /// Records the outcome of <paramref name="line"/> of <paramref name="review"/> (kept, removed, or a removal that failed
    /// for good) in the history, with the reviewer who decided as the actor; once per review and group. Says whether it
    /// changed anything.
    /// </summary>
    public bool RecordAccessReview(AccessReview review, AccessReviewLine line, AccessLineOutcome outcome, DateTimeOffset now)
    {
        var groupId = line.Grant.GroupId;
        if (outcome == AccessLineOutcome.Pending || line.DecidedBy is not { } by
            || (_accessReviewMarks ?? []).Any(m => m.ReviewId == review.Id && m.GroupId == groupId))
        {
            return false;
        }

        (_accessReviewMarks ??= []).Add(new AccessReviewMark(review.Id, groupId, outcome, now));
        var of = $"access review {review.CycleId}";
        var (action, actor, comment) = outcome switch
        {
            AccessLineOutcome.Kept => (AuditAction.AccessKept, by, $"Kept {Requester.Name} in {line.Grant.GroupName} ({of})"),
            AccessLineOutcome.Removed => (AuditAction.AccessRemoved, by, $"Removed {Requester.Name} from {line.Grant.GroupName} ({of}; automatic)"),
            _ => (AuditAction.AccessRemovalFailed, PersonRef.System,
                $"{by.Name} decided to remove {Requester.Name} from {line.Grant.GroupName} ({of}), but it failed: {line.Failure}. Please do it by hand."),
        };
        UpdatedAt = now;
        Record(now, actor, action, State, State, comment);
        return true;
    }
}

/// <summary>One access review's outcome for one group of a request.</summary>
public sealed record AccessReviewMark(string ReviewId, string GroupId, AccessLineOutcome Outcome, DateTimeOffset At);
