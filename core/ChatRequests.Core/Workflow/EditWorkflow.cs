using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Workflow;

/// <summary>
/// What a "Change request" form came to: the request (changed, or unchanged when <see cref="WasDuplicate"/>), or what is
/// wrong with the form and the item it is for (to show the form again).
/// </summary>
public sealed record EditResult(ServiceRequest Request, FormErrors Errors, CatalogItem? Item, bool WasDuplicate = false)
{
    /// <summary>Why the change sent the request back to approval; null when the approvals given still cover it.</summary>
    public string? BackForApprovalBecause { get; init; }
}

/// <summary>
/// The requester changes their logged request (<see cref="ServiceRequest.Edit"/>) while nobody works it yet: the form is
/// checked as at submission, the approval policy is worked out again for the new answers, and <see cref="Reapproval.ForEdit"/>
/// says whether it goes back for approval. Only the requester may; anyone else who may view it is told no, anyone who
/// may not learns nothing.
/// </summary>
public sealed class EditWorkflow(
    RequestWorkflow requests,
    IRequestStore store,
    ICatalog catalog,
    IDirectory directory,
    ApproverResolver approvers,
    TimeProvider clock,
    StandInFinder? standIns = null)
{
    /// <summary>The request and its catalog item, to fill the form in with the current answers; refused as <see cref="EditAsync"/> refuses.</summary>
    public async Task<(ServiceRequest Request, CatalogItem Item)> OpenAsync(string requestId, PersonRef requester, CancellationToken cancellationToken = default)
    {
        var request = await requests.GetVisibleAsync(requestId, requester.Id, cancellationToken);
        return (request, Editable(request, requester));
    }

    /// <summary>Applies the form <paramref name="form"/> (its submission key is the edit's key) to the request.</summary>
    public async Task<EditResult> EditAsync(string requestId, PersonRef requester, RequestForm form, CancellationToken cancellationToken = default)
    {
        var request = await requests.GetVisibleAsync(requestId, requester.Id, cancellationToken);
        if (request.IsRequester(requester.Id) && request.Edits.Any(e => e.Key == form.SubmissionKey))
        {
            return new EditResult(request, new FormErrors(new Dictionary<string, string>()), catalog.Find(request.CatalogItemId), WasDuplicate: true);
        }

        var item = Editable(request, requester);
        // The urgency is not on the change form: the priority and the target stay as logged.
        var errors = RequestFormValidator.Validate(item, form with { Urgency = request.Priority.Urgency.ToString() });
        if (errors.Any)
        {
            return new EditResult(request, errors, item);
        }

        var fields = item.Fields
            .Where(f => !string.IsNullOrWhiteSpace(form.Fields.GetValueOrDefault(f.Id)))
            .ToDictionary(f => f.Id, f => RequestWorkflow.StoredValue(f, form.Fields[f.Id]!));
        var change = new RequestChange(form.SubmissionKey, form.Justification!.Trim(), fields);
        var outcome = await OutcomeAsync(request, item, fields, cancellationToken);
        var fallbacks = outcome.Stages.Count > 0 && standIns is not null
            ? await standIns.FindAsync(StandInFinder.CandidatesOf(outcome.Stages[0]), cancellationToken)
            : null;
        var calendar = (await directory.FindTeamAsync(request.TeamId, cancellationToken))?.WorkingCalendar();
        var version = request.Version;
        var duplicate = false;
        var saved = await store.UpdateIfChangedAsync(request, r =>
        {
            if (r.Edits.Any(e => e.Key == change.Key))
            {
                duplicate = true;
                return false;
            }

            // The round was worked out on the version loaded; a decision saved meanwhile needs it worked out again.
            if (r.Version != version)
            {
                throw new RequestRuleException($"{r.Id} moved on while you changed it. Open it again to see where it is, and change it from there.").About(r);
            }

            try
            {
                return r.Edit(requester, change, outcome.Stages, outcome.Why, clock.GetUtcNow(), fallbacks, calendar);
            }
            catch (RequestRuleException refusal)
            {
                throw refusal.About(r);
            }
        }, cancellationToken);
        return new EditResult(saved, errors, item, duplicate) { BackForApprovalBecause = duplicate ? null : outcome.Why };
    }

    /// <summary>The request's catalog item, when <paramref name="requester"/> may change the request now; refused otherwise.</summary>
    private CatalogItem Editable(ServiceRequest request, PersonRef requester)
    {
        if (!request.IsRequester(requester.Id))
        {
            throw new NotPermittedException($"Only {request.Requester.Name}, who asked for {request.Id}, can change it.").About(request);
        }

        try
        {
            request.EnsureEditable();
        }
        catch (RequestRuleException refusal)
        {
            throw refusal.About(request);
        }

        return catalog.Find(request.CatalogItemId)
            ?? throw new RequestRuleException($"{request.ItemName} is no longer in the catalog, so {request.Id} cannot be changed. Cancel it and make a new request.").About(request);
    }

    /// <summary>The policy for the new answers, as at submission, judged against the decisions given (<see cref="Reapproval.ForEdit"/>).</summary>
    private async Task<Reapproval.Outcome> OutcomeAsync(
        ServiceRequest request, CatalogItem item, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var person = await directory.FindPersonAsync(request.Requester.Id, cancellationToken)
            ?? throw new NotPermittedException("You are not in the organisation directory, so I cannot change your request. Please contact the IT service desk.").About(request);
        try
        {
            var stages = await approvers.PreAuthorisationAsync(item, person, cancellationToken) is null
                ? await approvers.ResolveAsync(item, person, fields, cancellationToken)
                : [];
            var changed = fields.Keys.Concat(request.Fields.Keys).Distinct().Where(id => fields.GetValueOrDefault(id) != request.Fields.GetValueOrDefault(id)).ToList();
            return Reapproval.ForEdit(
                request, item, StageConditions.Cost(item, request.Fields), StageConditions.Cost(item, fields), changed, stages);
        }
        catch (RequestRuleException refusal)
        {
            // An answer the policy cannot use (an unknown cost centre): said as at submission, the request unchanged.
            throw refusal.About(request);
        }
    }
}
