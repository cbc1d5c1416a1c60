using System.Globalization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Approvals;

/// <summary>
/// Whether a request that changes to another item must be approved again, and by which stages: all the new item's
/// stages when it costs more than what was approved (each approver agreed to a lower amount), else only the stages the
/// request has not passed (by name: "Manager", "IT Security"...). Cheaper or on the same policy, it goes on at once.
/// The requester's own edit of the answers is judged by <see cref="ForEdit"/>; both lead to the same new round.
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

    /// <summary>
    /// Whether a request the requester changed (<see cref="ServiceRequest.Edit"/>) must be approved again, and by which
    /// stages. The decisions given in the current round no longer cover it when the cost (× quantity) rose above what
    /// was approved, or when a changed answer is one the item's approval policy reads (a stage's condition, the cost
    /// centre): then every stage the new answers need is asked again. A stage the new answers add (a condition that now
    /// holds) is asked too, with the stages whose decisions were not given yet; decisions still covering the request
    /// stand. Otherwise nothing goes back: a stage that no longer applies (the cost went down) is still asked, as logged.
    /// </summary>
    /// <param name="approvedCost">The cost (× quantity) before the change; null when the item has no price.</param>
    /// <param name="newCost">The cost (× quantity) with the new answers.</param>
    /// <param name="changedFields">The ids of the form fields whose answers changed.</param>
    /// <param name="newStages">The stages the item's policy gives for the new answers (empty when the requester is pre-authorised).</param>
    public static Outcome ForEdit(
        ServiceRequest request, CatalogItem item, decimal? approvedCost, decimal? newCost, IReadOnlyCollection<string> changedFields,
        IReadOnlyList<ApprovalStage> newStages)
    {
        if (newStages.Count == 0)
        {
            return Outcome.None;
        }

        var round = request.Approvals.Skip(request.ApprovalRoundStart).ToList();
        var given = round.Where(s => s.Decision is { Approved: true } || s.ApprovedBy.Count > 0).Select(s => s.Name).ToList();
        var reasons = new List<string>();
        var policyReads = changedFields.Where(FieldsRead(item).Contains).ToList();
        var stale = given.Count > 0 && ((newCost > approvedCost) || policyReads.Count > 0);
        if (stale && newCost > approvedCost)
        {
            reasons.Add($"the cost rose from {Money(item, approvedCost)} to {Money(item, newCost)}, above what {string.Join(", ", given)} approved");
        }

        if (stale && policyReads.Count > 0)
        {
            var labels = policyReads.Select(id => request.FieldLabels.FirstOrDefault(l => l.Id == id)?.Label ?? id);
            reasons.Add($"{string.Join(", ", labels)} changed, which the approval policy reads");
        }

        var known = round.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = newStages.Where(s => !known.Contains(s.Name)).Select(s => s.Name).ToList();
        if (added.Count > 0)
        {
            reasons.Add($"{string.Join(", ", added)} {(added.Count == 1 ? "is" : "are")} now needed");
        }

        if (reasons.Count == 0)
        {
            return Outcome.None;
        }

        var covered = stale ? [] : given.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stages = newStages.Where(s => !covered.Contains(s.Name)).ToList();
        return stages.Count == 0 ? Outcome.None : new(stages, string.Join("; ", reasons));
    }

    /// <summary>The form fields an item's approval policy reads: the fields of its stages' conditions and of its cost-centre stages.</summary>
    public static IReadOnlySet<string> FieldsRead(CatalogItem item) =>
        item.Approval.Stages
            .SelectMany(s => new[] { s.When?.Field, s.Kind == StageKinds.CostCentreOwner ? s.Field : null })
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Money(CatalogItem item, decimal? amount) =>
        amount is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value:N2} {item.Currency}") : "no cost";
}
