using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Approvals;

/// <summary>
/// Whether a request that changes to another item must be approved again, and by which stages: all the new item's
/// stages when it costs more than what was approved (each approver agreed to a lower amount), else only the stages the
/// request has not passed (by name: "Manager", "IT Security"...). Cheaper or on the same policy, it goes on at once.
/// </summary>
public static class Reapproval
{
    public sealed record Outcome(IReadOnlyList<ApprovalStage> Stages, string? Why)
    {
        public static Outcome None { get; } = new([], null);
    }

    /// <param name="approvedCost">The cost (× quantity) of the item as it was approved; null when it had no price.</param>
    /// <param name="newCost">The new item's cost (× quantity); null when it has no price.</param>
    /// <param name="newStages">The new item's stages for this requester and form (empty when it needs no approval or they are pre-authorised).</param>
    public static Outcome For(ServiceRequest request, string newItemName, decimal? approvedCost, decimal? newCost, IReadOnlyList<ApprovalStage> newStages)
    {
        if (newStages.Count == 0)
        {
            return Outcome.None;
        }

        if (newCost is { } cost && (approvedCost is not { } approved || cost > approved))
        {
            return new(newStages, $"{newItemName} costs more than what was approved");
        }

        var passed = request.Approvals.Where(s => s.Decision is { Approved: true }).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notPassed = newStages.Where(s => !passed.Contains(s.Name)).ToList();
        return notPassed.Count == 0
            ? Outcome.None
            : new(notPassed, $"{newItemName} needs approval by {string.Join(", ", notPassed.Select(s => s.Name))}, which the request has not had");
    }
}
