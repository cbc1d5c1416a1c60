using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Workflow;

/// <summary>
/// The use cases of suppliers, stock and delivery: parts awaited from a supplier, alternatives offered for an item out of
/// stock (and chosen by the requester, with approval again when the change needs it), and the delivery of physical
/// items with the requester's acknowledgement. Who may do what is checked as in <see cref="RequestWorkflow"/>: only
/// members of the request's team work it, only its requester answers for it, and anyone who may not view it learns nothing.
/// </summary>
public sealed class SupplyWorkflow(
    RequestWorkflow requests,
    IRequestStore store,
    ICatalog catalog,
    IDirectory directory,
    ApproverResolver approvers,
    TimeProvider clock,
    StandInFinder? standIns = null)
{
    /// <summary>"Awaiting parts" with the supplier, its order reference and the day it expects to deliver (not in the past where the team works).</summary>
    public Task<ServiceRequest> AwaitSupplierAsync(
        string requestId, PersonRef agent, string? supplier, string? orderReference, DateOnly? expectedOn, string? note,
        CancellationToken cancellationToken = default) =>
        requests.ChangeAsTeamMemberAsync(
            requestId,
            agent,
            team => r => r.AwaitSupplier(agent, supplier, orderReference, expectedOn, note, clock.GetUtcNow(), team.WorkingCalendar().Zone),
            cancellationToken);

    /// <summary>
    /// "Out of stock": the agent offers the catalog items <paramref name="itemIds"/> instead. Each must exist, be of the
    /// request's category and not provision automatically (stock is about goods); the ids come from a card and are checked here.
    /// </summary>
    public Task<ServiceRequest> OfferAlternativesAsync(
        string requestId, PersonRef agent, IReadOnlyList<string> itemIds, string? note, CancellationToken cancellationToken = default) =>
        requests.ChangeAsTeamMemberAsync(requestId, agent, _ => r =>
        {
            var items = itemIds.Select(id => catalog.Find(id)).ToList();
            if (items.Any(i => i is null || !IsAlternativeFor(r, i)))
            {
                throw new RequestRuleException($"Offer items of the catalog in the same category ({r.Category}) that are not granted automatically.");
            }

            r.OfferAlternatives(agent, [.. items.Select(i => new OfferedItem(i!.Id, i.Name, i.CostText, i.Description))], note, clock.GetUtcNow());
        }, cancellationToken);

    /// <summary>The catalog items an agent may offer instead of the request's item: same category, another item, nothing provisioned automatically.</summary>
    public static IReadOnlyList<CatalogItem> AlternativesFor(ServiceRequest request, ICatalog catalog) =>
        [.. catalog.Items.Where(i => IsAlternativeFor(request, i))];

    /// <summary>
    /// The requester picks one of the alternatives offered: the new item's price and approval policy decide whether the
    /// request goes back to approval (<see cref="Reapproval"/>), with the stages resolved as at submission.
    /// </summary>
    public async Task<ServiceRequest> ChooseAlternativeAsync(
        string requestId, PersonRef requester, string itemId, CancellationToken cancellationToken = default)
    {
        var request = await requests.GetVisibleAsync(requestId, requester.Id, cancellationToken);
        try
        {
            // Refused before the directory is asked anything: not theirs to answer, already answered, or the team moved on.
            request.OpenOfferFor(requester);
        }
        catch (RequestRuleException refusal)
        {
            throw refusal.About(request);
        }

        var item = catalog.Find(itemId)
            ?? throw new RequestRuleException("That item is no longer in the catalog. Choose another alternative, or keep waiting.").About(request);
        var fields = request.Fields.Where(f => item.Fields.Any(d => d.Id == f.Key)).ToDictionary(f => f.Key, f => f.Value);
        var replacement = new ItemReplacement(
            item.Id, item.Name, item.Category, item.CostText, StageConditions.Cost(item, fields), fields,
            FieldLabel.Of(item), item.Delivery);
        var approved = catalog.Find(request.CatalogItemId) is { } before ? StageConditions.Cost(before, request.Fields) : null;
        var stages = await NewStagesAsync(request, item, fields, cancellationToken);
        var outcome = Reapproval.For(request, item.Name, approved, replacement.TotalCost, stages);
        var fallbacks = outcome.Stages.Count > 0 && standIns is not null
            ? await standIns.FindAsync(StandInFinder.CandidatesOf(outcome.Stages[0]), cancellationToken)
            : null;
        // The pause of waiting for parts ends here, counted on the team's calendar (every hour when the team is gone).
        var calendar = (await directory.FindTeamAsync(request.TeamId, cancellationToken))?.WorkingCalendar();
        return await store.UpdateAsync(
            request,
            RequestWorkflow.KeepingRefused(r => r.ChooseAlternative(requester, replacement, outcome.Stages, outcome.Why, clock.GetUtcNow(), fallbacks, calendar)),
            cancellationToken);
    }

    /// <summary>The requester keeps waiting for the item out of stock.</summary>
    public async Task<ServiceRequest> KeepWaitingAsync(string requestId, PersonRef requester, CancellationToken cancellationToken = default)
    {
        var request = await requests.GetVisibleAsync(requestId, requester.Id, cancellationToken);
        return await store.UpdateAsync(request, RequestWorkflow.KeepingRefused(r => r.KeepWaiting(requester, clock.GetUtcNow())), cancellationToken);
    }

    /// <summary>"Out for delivery" with the carrier and tracking reference.</summary>
    public Task<ServiceRequest> SendForDeliveryAsync(
        string requestId, PersonRef agent, string? carrier, string? trackingReference, CancellationToken cancellationToken = default) =>
        requests.ChangeAsTeamMemberAsync(
            requestId, agent, team => r => r.SendForDelivery(agent, carrier, trackingReference, clock.GetUtcNow(), team.WorkingCalendar(), requests.RulesFor(r, team)), cancellationToken);

    /// <summary>"I received it": the requester's acknowledgement of receipt, with the team's check and closing rules.</summary>
    public async Task<ServiceRequest> AcknowledgeReceiptAsync(string requestId, PersonRef requester, CancellationToken cancellationToken = default)
    {
        var request = await requests.GetVisibleAsync(requestId, requester.Id, cancellationToken);
        var team = await directory.FindTeamAsync(request.TeamId, cancellationToken);
        var rules = team is null ? null : ResolutionRulesFinder.For(request, team, catalog);
        return await store.UpdateAsync(
            request, RequestWorkflow.KeepingRefused(r => r.AcknowledgeReceipt(requester, clock.GetUtcNow(), rules)), cancellationToken);
    }

    /// <summary>The stages the new item needs for this requester, none when they are pre-authorised for it.</summary>
    private async Task<IReadOnlyList<ApprovalStage>> NewStagesAsync(
        ServiceRequest request, CatalogItem item, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var person = await directory.FindPersonAsync(request.Requester.Id, cancellationToken)
            ?? throw new NotPermittedException("You are not in the organisation directory, so I cannot change your request. Please contact the IT service desk.").About(request);
        return await approvers.PreAuthorisationAsync(item, person, cancellationToken) is null
            ? await approvers.ResolveAsync(item, person, fields, cancellationToken)
            : [];
    }

    private static bool IsAlternativeFor(ServiceRequest request, CatalogItem item) =>
        item.Id != request.CatalogItemId && item.Category == request.Category && item.Provisioning is null;
}
