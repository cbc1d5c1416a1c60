using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Routing;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Workflow;

/// <summary>The result of submitting a form: the request, or what is wrong with the form.</summary>
public sealed record SubmitResult(ServiceRequest? Request, FormErrors Errors, bool WasDuplicate = false);

/// <summary>
/// The use cases of the request process. Each loads the request, lets the domain apply the change and
/// saves it with a version check; on a conflict it reloads and re-applies, so concurrent clicks are
/// decided by the domain rules (the first wins, the rest are told "already decided").
/// </summary>
public sealed class RequestWorkflow(
    IRequestStore store,
    ICatalog catalog,
    IDirectory directory,
    ApproverResolver approvers,
    TimeProvider clock)
{
    private const int MaxConflictRetries = 50;

    public async Task<SubmitResult> SubmitAsync(PersonRef requester, RequestForm form, CancellationToken cancellationToken = default)
    {
        if (await store.FindBySubmissionKeyAsync(form.SubmissionKey, cancellationToken) is { } existing)
        {
            return new SubmitResult(existing, new FormErrors(new Dictionary<string, string>()), WasDuplicate: true);
        }

        var item = catalog.Find(form.ItemId)
            ?? throw new RequestRuleException("That catalog item no longer exists. Type 'new request' to start again.");
        var errors = RequestFormValidator.Validate(item, form);
        if (errors.Any)
        {
            return new SubmitResult(null, errors);
        }

        var person = await directory.FindPersonAsync(requester.Id, cancellationToken)
            ?? throw new NotPermittedException("You are not in the organisation directory, so I cannot log requests for you. Please contact the IT service desk.");
        var stages = await approvers.ResolveAsync(item, person, cancellationToken);
        var team = TeamRouter.Route(item, await directory.ListTeamsAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var number = await store.NextNumberAsync(cancellationToken);
        var draft = new ServiceRequest.Draft(
            RequestNumber.Format(number),
            form.SubmissionKey,
            new PersonRef(person.Id, person.Name),
            item.Id,
            item.Name,
            item.Category,
            item.CostText,
            form.Justification!.Trim(),
            item.Fields
                .Where(f => !string.IsNullOrWhiteSpace(form.Fields.GetValueOrDefault(f.Id)))
                .ToDictionary(f => f.Id, f => StoredValue(f, form.Fields[f.Id]!)),
            PriorityMatrix.Assess(item.Impact, RequestFormValidator.ParseUrgency(form.Urgency)!.Value),
            team.Id,
            team.Name,
            SlaPolicy.TargetFor(item, now),
            stages,
            item.Provisioning,
            [.. item.Fields.Select(f => new FieldLabel(f.Id, f.Label))]);
        var request = ServiceRequest.Submit(draft, now);
        try
        {
            await store.CreateAsync(request, cancellationToken);
            return new SubmitResult(request, errors);
        }
        catch (ConcurrencyConflictException)
        {
            // The same form was submitted twice at once; the other submit created it.
            var winner = await store.FindBySubmissionKeyAsync(form.SubmissionKey, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new SubmitResult(winner, errors, WasDuplicate: true);
        }
    }

    public Task<ServiceRequest> DecideAsync(
        string requestId, PersonRef approver, bool approve, string? comment, int stage, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, r => r.Decide(approver, approve, comment, stage, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> AssignToSelfAsync(string requestId, PersonRef agent, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(requestId, agent, r => r.Assign(agent, agent, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> SetStatusAsync(
        string requestId, PersonRef agent, RequestState status, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(requestId, agent, r => r.SetStatus(agent, status, note, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> AskRequesterAsync(string requestId, PersonRef agent, string question, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(requestId, agent, r => r.AskRequester(agent, question, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> ResolveAsync(string requestId, PersonRef agent, string notes, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(requestId, agent, r => r.Resolve(agent, notes, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> AnswerAsync(string requestId, PersonRef requester, string answer, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, r => r.Answer(requester, answer, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> ConfirmAsync(
        string requestId, PersonRef requester, int rating, string? comment, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, r => r.Confirm(requester, rating, comment, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> ReopenAsync(string requestId, PersonRef requester, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, r => r.Reopen(requester, reason, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> CancelAsync(string requestId, PersonRef requester, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, r => r.Cancel(requester, reason, clock.GetUtcNow()), cancellationToken);

    /// <summary>A request the person may look at: the requester, an approver, or a member of the owning team.</summary>
    public async Task<ServiceRequest> GetVisibleAsync(string requestId, string personId, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(requestId, cancellationToken);
        if (request.IsRequester(personId)
            || request.Approvals.Any(s => s.IsApprover(personId))
            || await IsTeamMemberAsync(request.TeamId, personId, cancellationToken))
        {
            return request;
        }

        throw new NotPermittedException($"{requestId} is not one of yours, so I cannot show it.");
    }

    public Task<IReadOnlyList<ServiceRequest>> PendingApprovalsAsync(string approverId, CancellationToken cancellationToken = default) =>
        store.ListPendingApprovalAsync(approverId, cancellationToken);

    public Task<ServiceRequest?> FindAsync(string requestId, CancellationToken cancellationToken = default) =>
        store.GetAsync(requestId, cancellationToken);

    public async Task<IReadOnlyList<Team>> TeamsOfAsync(string personId, CancellationToken cancellationToken = default) =>
        (await directory.ListTeamsAsync(cancellationToken)).Where(t => t.HasMember(personId)).ToList();

    public async Task<bool> IsTeamMemberAsync(string teamId, string personId, CancellationToken cancellationToken = default)
    {
        var teams = await directory.ListTeamsAsync(cancellationToken);
        return teams.FirstOrDefault(t => t.Id == teamId)?.HasMember(personId) == true;
    }

    private async Task<ServiceRequest> ChangeAsTeamMemberAsync(
        string requestId, PersonRef agent, Action<ServiceRequest> change, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(requestId, cancellationToken);
        if (!await IsTeamMemberAsync(request.TeamId, agent.Id, cancellationToken))
        {
            throw new NotPermittedException($"Only members of {request.TeamName} can work on {requestId}.");
        }

        if (request.IsRequester(agent.Id))
        {
            throw new NotPermittedException("You cannot fulfil your own request; a colleague in your team has to.");
        }

        return await ChangeAsync(requestId, change, cancellationToken);
    }

    private async Task<ServiceRequest> ChangeAsync(string requestId, Action<ServiceRequest> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = await LoadAsync(requestId, cancellationToken);
            change(request);
            try
            {
                await store.SaveAsync(request, cancellationToken);
                return request;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // Someone changed it meanwhile: re-apply to the newer version; the domain decides again.
            }
        }
    }

    /// <summary>
    /// A choice is stored as the catalog spells it: the validator accepts "berlin office", but fulfilment
    /// steps and reports compare against "Berlin office".
    /// </summary>
    private static string StoredValue(CatalogField field, string raw)
    {
        var value = raw.Trim();
        return field.Type == FieldType.Choice
            ? field.Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? value
            : value;
    }

    private async Task<ServiceRequest> LoadAsync(string requestId, CancellationToken cancellationToken) =>
        await store.GetAsync(requestId, cancellationToken)
        ?? throw new RequestRuleException($"I can't find {requestId}. Type 'my requests' to see yours.");
}
