using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Routing;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Telemetry;

namespace ChatRequests.Core.Workflow;

/// <summary>
/// The result of submitting a form: the request, or what is wrong with the form and the catalog item it is for (to show
/// the form again); a form sent again gets its request back, without the item.
/// </summary>
public sealed record SubmitResult(ServiceRequest? Request, FormErrors Errors, CatalogItem? Item, bool WasDuplicate = false);

/// <summary>What "Ask someone else" came to: the request passed on, or (several people fit the name) the people to choose from.</summary>
public sealed record HandoverResult(ServiceRequest Request, IReadOnlyList<Person> Candidates);

/// <summary>One page of a list a person sees in chat: the requests on it, and how many the whole list has.</summary>
public sealed record RequestPage(IReadOnlyList<ServiceRequest> Requests, int Total);

/// <summary>The teams whose queue a person sees, and a page of their open requests (oldest first).</summary>
public sealed record TeamQueue(IReadOnlyList<Team> Teams, RequestPage Page);

/// <summary>A request as an approval card of one stage shows it to one person: they hold the card when it was put to them.</summary>
public sealed record ApprovalCardView(ServiceRequest Request, bool HoldsCard);

/// <summary>A request as its team card shows it to one person: with the agents' buttons when they work it.</summary>
public sealed record TeamCardView(ServiceRequest Request, bool WorksIt, IReadOnlyList<PersonRef> Members);

/// <summary>
/// The use cases of the request process. Each loads the request, checks that the person may see it, and lets the domain
/// apply the change through <see cref="RequestStoreUpdates"/>, so concurrent clicks are decided by the domain rules
/// (the first wins, the rest are told "already decided").
/// </summary>
public sealed class RequestWorkflow(
    IRequestStore store,
    ICatalog catalog,
    IDirectory directory,
    ApproverResolver approvers,
    TimeProvider clock,
    StandInFinder? standIns = null)
{
    /// <summary>
    /// Logs the request the form asks for, for the person the turn began with: the catalog item is looked up here (once
    /// per submit), the person is not looked up again.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(Actor requester, RequestForm form, CancellationToken cancellationToken = default)
    {
        if (await store.FindBySubmissionKeyAsync(form.SubmissionKey, cancellationToken) is { } existing)
        {
            return Duplicate(existing, requester.Ref);
        }

        var item = catalog.Find(form.ItemId)
            ?? throw new RequestRuleException("That catalog item no longer exists. Type 'new request' to start again.");
        var errors = RequestFormValidator.Validate(item, form);
        if (errors.Any)
        {
            return new SubmitResult(null, errors, item);
        }

        var person = requester.Entry
            ?? throw new NotPermittedException("You are not in the organisation directory, so I cannot log requests for you. Please contact the IT service desk.");
        var fields = item.Fields
            .Where(f => !string.IsNullOrWhiteSpace(form.Fields.GetValueOrDefault(f.Id)))
            .ToDictionary(f => f.Id, f => StoredValue(f, form.Fields[f.Id]!));
        var preAuthorisation = await approvers.PreAuthorisationAsync(item, person, cancellationToken);
        var stages = preAuthorisation is null ? await approvers.ResolveAsync(item, person, fields, cancellationToken) : [];
        var team = TeamRouter.Route(item, await directory.ListTeamsAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var calendar = team.WorkingCalendar();
        var number = await store.ReserveNumberAsync(form.SubmissionKey, cancellationToken);
        var draft = new ServiceRequest.Draft(
            RequestNumber.Format(number),
            form.SubmissionKey,
            new PersonRef(person.Id, person.Name),
            item.Id,
            item.Name,
            item.Category,
            item.CostText,
            form.Justification!.Trim(),
            fields,
            PriorityMatrix.Assess(item.Impact, RequestFormValidator.ParseUrgency(form.Urgency)!.Value),
            team.Id,
            team.Name,
            SlaPolicy.TargetFor(item, now, calendar),
            stages,
            item.Provisioning,
            FieldLabel.Of(item),
            preAuthorisation,
            stages.Count == 0 ? null : await StandInsAsync(stages[0], cancellationToken),
            SlaPolicy.AtRiskFor(item, now, calendar, (await directory.GetEscalationSettingsAsync(cancellationToken)).Level1AtShare),
            calendar,
            item.Delivery,
            item.Restricted);
        var request = ServiceRequest.Submit(draft, now);
        request.AdoptRetention((await directory.GetGovernanceSettingsAsync(cancellationToken))?.Retention);
        try
        {
            await store.CreateAsync(request, cancellationToken);
            AppTelemetry.TagRequest(request.Id);
            return new SubmitResult(request, errors, item);
        }
        catch (ConcurrencyConflictException)
        {
            // The same form was submitted twice at once; the other submit created it.
            var winner = await store.FindBySubmissionKeyAsync(form.SubmissionKey, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return Duplicate(winner, requester.Ref);
        }
    }

    /// <summary>An approver decides; who stands in for the next stage's people is looked up first, as of now.</summary>
    public async Task<ServiceRequest> DecideAsync(
        string requestId, PersonRef approver, bool approve, string? comment, int stage, CancellationToken cancellationToken = default)
    {
        var (request, team) = await LoadVisibleAsync(requestId, approver.Id, cancellationToken);
        var next = approve && stage + 1 < request.Approvals.Count
            ? await StandInsAsync(request.Approvals[stage + 1], cancellationToken)
            : null;
        return await store.UpdateAsync(
            request, KeepingRefused(r => r.Decide(approver, approve, comment, stage, clock.GetUtcNow(), next, team?.WorkingCalendar())), cancellationToken);
    }

    /// <summary>
    /// "Ask someone else" on a pending approval: only someone who may view the request and is an approver of that stage
    /// gets as far as the directory. The person is the one picked on a choice card (<paramref name="personId"/>, looked
    /// up again) or the one the typed <paramref name="name"/> finds; several → they are returned to choose from.
    /// </summary>
    public async Task<HandoverResult> AskSomeoneElseAsync(
        string requestId, PersonRef by, int stage, string? name, string? personId, CancellationToken cancellationToken = default)
    {
        var (request, _) = await LoadVisibleAsync(requestId, by.Id, cancellationToken);
        if (stage < 0 || stage >= request.Approvals.Count || !request.Approvals[stage].IsApprover(by.Id))
        {
            throw new NotPermittedException("You are not an approver of this request.").About(request);
        }

        Person? to;
        if (personId is not null)
        {
            to = await directory.FindPersonAsync(personId, cancellationToken)
                ?? throw new RequestRuleException("That person is no longer in the directory. Type another name.").About(request);
        }
        else
        {
            var people = string.IsNullOrWhiteSpace(name)
                ? throw new RequestRuleException("Type the name of the person who should decide instead.").About(request)
                : (await directory.FindPeopleByNameAsync(name, cancellationToken)).Where(p => p.Id != by.Id).ToList();
            if (people.Count > 1)
            {
                return new HandoverResult(request, people);
            }

            to = people.FirstOrDefault()
                ?? throw new RequestRuleException("I found nobody of that name in the directory. Check the spelling, or use their full name.").About(request);
        }

        // The person's own stand-in only: the stand-in's stand-in is not looked up (delegation does not chain).
        var target = new PersonRef(to.Id, to.Name);
        var standIn = standIns is null ? null : (await standIns.FindAsync([target], cancellationToken)).GetValueOrDefault(target.Id);
        var changed = await store.UpdateAsync(
            request, KeepingRefused(r => r.AskSomeoneElse(by, target, stage, clock.GetUtcNow(), standIn)), cancellationToken);
        return new HandoverResult(changed, []);
    }

    private async Task<IReadOnlyDictionary<string, StandIn>?> StandInsAsync(ApprovalStage stage, CancellationToken cancellationToken) =>
        standIns is null ? null : await standIns.FindAsync(StandInFinder.CandidatesOf(stage), cancellationToken);

    public Task<ServiceRequest> AssignToSelfAsync(string requestId, PersonRef agent, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(requestId, agent, (r, team) => r.Assign(agent, agent, clock.GetUtcNow(), team.WorkingCalendar()), cancellationToken);

    public Task<ServiceRequest> SetStatusAsync(
        string requestId, PersonRef agent, RequestState status, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(requestId, agent, (r, team) => r.SetStatus(agent, status, note, clock.GetUtcNow(), team.WorkingCalendar()), cancellationToken);

    public Task<ServiceRequest> AskRequesterAsync(string requestId, PersonRef agent, string question, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(requestId, agent, r => r.AskRequester(agent, question, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Resolves with the resolution notes (the requester reads them) and the work note (the team's only); the item and
    /// the team decide whether a colleague checks the work first and how the request closes (<see cref="RulesFor"/>).
    /// </summary>
    public Task<ServiceRequest> ResolveAsync(
        string requestId, PersonRef agent, string notes, string? workNote = null, CancellationToken cancellationToken = default) =>
        ChangeAsTeamMemberAsync(
            requestId, agent, (r, team) => r.Resolve(agent, notes, clock.GetUtcNow(), workNote, RulesFor(r, team), team.WorkingCalendar()), cancellationToken);

    /// <summary>The quality check passed: the lead or a member of the team, not who did the work (the domain checks that).</summary>
    public Task<ServiceRequest> PassReviewAsync(string requestId, PersonRef reviewer, CancellationToken cancellationToken = default) =>
        ChangeAsReviewerAsync(
            requestId, reviewer, (r, team) => r.PassReview(reviewer, clock.GetUtcNow(), ClosingTermsOf(team)), cancellationToken);

    /// <summary>The quality check failed, with the reason for the assignee.</summary>
    public Task<ServiceRequest> FailReviewAsync(string requestId, PersonRef reviewer, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsReviewerAsync(requestId, reviewer, (r, _) => r.FailReview(reviewer, reason, clock.GetUtcNow()), cancellationToken);

    /// <summary>What a resolution of the request needs (<see cref="ResolutionRulesFinder.For"/>).</summary>
    internal ResolutionRules RulesFor(ServiceRequest request, Team team) => ResolutionRulesFinder.For(request, team, catalog);

    private static ClosingTerms? ClosingTermsOf(Team team) => ResolutionRulesFinder.ClosingTermsOf(team);

    /// <summary>
    /// "Reassign" on the team card: a member of the request's team gives it to <paramref name="toId"/>, the colleague
    /// chosen. The id came from the client, so it counts only as one of the team's members, looked up in the directory.
    /// </summary>
    public async Task<ServiceRequest> ReassignAsync(string requestId, PersonRef by, string? toId, CancellationToken cancellationToken = default)
    {
        var (request, team) = await LoadAsTeamMemberAsync(requestId, by, cancellationToken);
        var to = string.IsNullOrWhiteSpace(toId) || !team.HasMember(toId)
            ? null
            : await directory.FindPersonAsync(toId, cancellationToken);
        if (to is null)
        {
            throw new RequestRuleException($"Choose one of the members of {request.TeamName} to give it to.").About(request);
        }

        return await store.UpdateAsync(
            request, KeepingRefused(r => r.Reassign(by, new PersonRef(to.Id, to.Name), clock.GetUtcNow())), cancellationToken);
    }

    /// <summary>The request's team card, for a member of its team working it from elsewhere (the daily digest).</summary>
    public async Task<ServiceRequest> GetAsTeamMemberAsync(string requestId, PersonRef agent, CancellationToken cancellationToken = default) =>
        (await LoadAsTeamMemberAsync(requestId, agent, cancellationToken)).Request;

    /// <summary>The team card's "Reassign" choices (<see cref="TeamRoster.ReassignChoicesAsync"/>); empty when the team is gone.</summary>
    public async Task<IReadOnlyList<PersonRef>> TeamMembersAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        await TeamOfAsync(request, cancellationToken) is { } team
            ? await TeamRoster.ReassignChoicesAsync(directory, team, request, cancellationToken)
            : [];

    public Task<ServiceRequest> AnswerAsync(string requestId, PersonRef requester, string answer, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, requester, (r, calendar) => r.Answer(requester, answer, clock.GetUtcNow(), calendar), cancellationToken);

    public Task<ServiceRequest> ConfirmAsync(
        string requestId, PersonRef requester, int rating, string? comment, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, requester, r => r.Confirm(requester, rating, comment, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> ReopenAsync(string requestId, PersonRef requester, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, requester, r => r.Reopen(requester, reason, clock.GetUtcNow()), cancellationToken);

    public Task<ServiceRequest> CancelAsync(string requestId, PersonRef requester, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, requester, (r, calendar) => r.Cancel(requester, reason, clock.GetUtcNow(), calendar), cancellationToken);

    /// <summary>The request, if the person may view it (<see cref="RequestViewers"/>); otherwise it reads as not found.</summary>
    public async Task<ServiceRequest> GetVisibleAsync(string requestId, string personId, CancellationToken cancellationToken = default) =>
        (await LoadVisibleAsync(requestId, personId, cancellationToken)).Request;

    /// <summary>
    /// The request, to be shown in the Teams channel <paramref name="channelId"/>: everyone in the channel reads it, so
    /// only a request of the team working from that channel, and only when the person asking may view it.
    /// </summary>
    public async Task<ServiceRequest> GetVisibleInChannelAsync(
        string requestId, string personId, string channelId, CancellationToken cancellationToken = default)
    {
        var (request, team) = await LoadVisibleAsync(requestId, personId, cancellationToken);
        return team?.ChannelId == channelId ? request : throw new RequestNotVisibleException(requestId);
    }

    /// <summary>The request if it exists and the person may view it; null in both other cases, which must read the same.</summary>
    public async Task<ServiceRequest?> FindVisibleAsync(string requestId, string personId, CancellationToken cancellationToken = default)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        return request is not null && RequestViewers.MayView(request, personId, await TeamOfAsync(request, cancellationToken))
            ? request
            : null;
    }

    /// <summary>
    /// The request for the approval card of <paramref name="stage"/>, brought up to date for the person looking at it, and
    /// whether they hold that card: null when the stage does not exist or the person neither holds its card (<see cref="ApprovalStage.WasPutTo"/>)
    /// nor may view the request, which must read the same as a number that does not exist.
    /// </summary>
    public async Task<ApprovalCardView?> FindForApprovalCardAsync(string requestId, int stage, string personId, CancellationToken cancellationToken = default)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null || stage < 0 || stage >= request.Approvals.Count)
        {
            return null;
        }

        var holdsCard = request.Approvals[stage].WasPutTo(personId);
        return holdsCard || RequestViewers.MayView(request, personId, await TeamOfAsync(request, cancellationToken))
            ? new ApprovalCardView(request, holdsCard)
            : null;
    }

    /// <summary>
    /// The request for its team card, brought up to date for the person looking at it: null when they may not view it
    /// (or it does not exist); whether they work it (a member of its team or its lead, who get the card's buttons), and
    /// the members the card offers to reassign to.
    /// </summary>
    public async Task<TeamCardView?> FindForTeamCardAsync(string requestId, string personId, CancellationToken cancellationToken = default)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var team = await TeamOfAsync(request, cancellationToken);
        if (!RequestViewers.MayView(request, personId, team))
        {
            return null;
        }

        return team is not null && team.MayReview(personId)
            ? new TeamCardView(request, WorksIt: true, await TeamRoster.ReassignChoicesAsync(directory, team, request, cancellationToken))
            : new TeamCardView(request, WorksIt: false, []);
    }

    /// <summary>The person's own most recent requests, newest first.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> ListMineAsync(string personId, int max, CancellationToken cancellationToken = default) =>
        await VisibleAsync(await store.ListByRequesterAsync(personId, max, cancellationToken), personId, cancellationToken);

    /// <summary>
    /// Of the person's own <paramref name="max"/> most recent requests, those waiting for their answer, newest first; the
    /// others are not loaded.
    /// </summary>
    public async Task<IReadOnlyList<ServiceRequest>> ListAwaitingMeAsync(string personId, int max, CancellationToken cancellationToken = default) =>
        await VisibleAsync(await store.ListAwaitingRequesterAsync(personId, max, cancellationToken), personId, cancellationToken);

    /// <summary>The person's <paramref name="max"/> most recent requests, newest first, and how many they have in all.</summary>
    public async Task<RequestPage> MineAsync(string personId, int max, CancellationToken cancellationToken = default)
    {
        var mine = await ListMineAsync(personId, max, cancellationToken);
        return new RequestPage(mine, mine.Count < max ? mine.Count : await store.CountByRequesterAsync(personId, cancellationToken));
    }

    /// <summary>
    /// The requests waiting for the person's decision, oldest first: at most <paramref name="max"/>, after
    /// <paramref name="after"/> when given, and how many wait in all.
    /// </summary>
    public async Task<RequestPage> PendingApprovalsAsync(
        string approverId, int max, ListPosition? after = null, CancellationToken cancellationToken = default)
    {
        var page = await store.ListPendingApprovalAsync(approverId, max, after, cancellationToken);
        var total = after is null && page.Count < max ? page.Count : await store.CountPendingApprovalAsync(approverId, cancellationToken);
        return new RequestPage(await VisibleAsync(page, approverId, cancellationToken), total);
    }

    /// <summary>
    /// The open requests of the teams the person is a member or the lead of, oldest first: at most <paramref name="max"/>,
    /// after <paramref name="after"/> when given, and how many are open in all; only the teams working from
    /// <paramref name="channelId"/> when one is given (a list posted in a channel is read by the whole channel).
    /// </summary>
    public async Task<TeamQueue> TeamQueueAsync(
        string personId, string? channelId, int max, ListPosition? after = null, CancellationToken cancellationToken = default)
    {
        var allTeams = await directory.ListTeamsAsync(cancellationToken);
        var teams = allTeams
            .Where(t => (t.HasMember(personId) || t.LeadId == personId) && (channelId is null || t.ChannelId == channelId))
            .ToList();
        var queue = new List<ServiceRequest>();
        var total = 0;
        foreach (var team in teams)
        {
            var page = await store.ListTeamQueueAsync(team.Id, max, after, cancellationToken);
            queue.AddRange(page);
            // A first page that is not full is the team's whole queue: no count to ask for.
            total += page.Count < max && after is null ? page.Count : await store.CountTeamQueueAsync(team.Id, cancellationToken);
        }

        var first = queue.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(max);
        return new TeamQueue(teams, new RequestPage(Visible(first, personId, allTeams), total));
    }

    private async Task<IReadOnlyList<ServiceRequest>> VisibleAsync(
        IReadOnlyList<ServiceRequest> requests, string personId, CancellationToken cancellationToken) =>
        requests.Count == 0 ? requests : Visible(requests, personId, await directory.ListTeamsAsync(cancellationToken));

    private static List<ServiceRequest> Visible(IEnumerable<ServiceRequest> requests, string personId, IReadOnlyList<Team> teams) =>
        requests.Where(r => RequestViewers.MayView(r, personId, teams.FirstOrDefault(t => t.Id == r.TeamId))).ToList();

    private Task<ServiceRequest> ChangeAsTeamMemberAsync(
        string requestId, PersonRef agent, Action<ServiceRequest> change, CancellationToken cancellationToken) =>
        ChangeAsTeamMemberAsync(requestId, agent, _ => change, cancellationToken);

    /// <summary>A change by a team member that may end a pause of the clock: it gets the team's calendar to count it on.</summary>
    private Task<ServiceRequest> ChangeAsTeamMemberAsync(
        string requestId, PersonRef agent, Action<ServiceRequest, WorkingCalendar> change, CancellationToken cancellationToken) =>
        ChangeAsTeamMemberAsync(requestId, agent, team => r => change(r, team.WorkingCalendar()), cancellationToken);

    /// <summary>A change only a member of the request's team may make (not its requester); it may depend on the team (its calendar).</summary>
    internal async Task<ServiceRequest> ChangeAsTeamMemberAsync(
        string requestId, PersonRef agent, Func<Team, Action<ServiceRequest>> change, CancellationToken cancellationToken)
    {
        var (request, team) = await LoadAsTeamMemberAsync(requestId, agent, cancellationToken);
        return await store.UpdateAsync(request, KeepingRefused(change(team)), cancellationToken);
    }

    /// <summary>A change by a team member that needs the team (its quality-check setting, its calendar).</summary>
    private Task<ServiceRequest> ChangeAsTeamMemberAsync(
        string requestId, PersonRef agent, Action<ServiceRequest, Team> change, CancellationToken cancellationToken) =>
        ChangeAsTeamMemberAsync(requestId, agent, team => r => change(r, team), cancellationToken);

    private async Task<(ServiceRequest Request, Team Team)> LoadAsTeamMemberAsync(string requestId, PersonRef agent, CancellationToken cancellationToken)
    {
        var (request, team) = await LoadVisibleAsync(requestId, agent.Id, cancellationToken);
        if (team is null || !team.HasMember(agent.Id))
        {
            throw new NotPermittedException($"Only members of {request.TeamName} can work on {request.Id}.").About(request);
        }

        if (request.IsRequester(agent.Id))
        {
            throw new NotPermittedException("You cannot fulfil your own request; a colleague in your team has to.").About(request);
        }

        return (request, team);
    }

    /// <summary>A quality check: by the team's lead or a member (who did the work and the requester are refused by the domain).</summary>
    private async Task<ServiceRequest> ChangeAsReviewerAsync(
        string requestId, PersonRef reviewer, Action<ServiceRequest, Team> change, CancellationToken cancellationToken)
    {
        var (request, team) = await LoadVisibleAsync(requestId, reviewer.Id, cancellationToken);
        if (team?.MayReview(reviewer.Id) != true)
        {
            throw new NotPermittedException($"Only the lead or a member of {request.TeamName} can check the work on {request.Id}.").About(request);
        }

        return await store.UpdateAsync(request, KeepingRefused(r => change(r, team)), cancellationToken);
    }

    private Task<ServiceRequest> ChangeAsync(string requestId, PersonRef actor, Action<ServiceRequest> change, CancellationToken cancellationToken) =>
        ChangeAsync(requestId, actor, (r, _) => change(r), cancellationToken);

    /// <summary>
    /// Only people who may view a request may try to change it: anyone else learns nothing from the refusal. The change
    /// gets the team's calendar (always open when the team is gone from the directory) to count a pause it ends on.
    /// </summary>
    private async Task<ServiceRequest> ChangeAsync(
        string requestId, PersonRef actor, Action<ServiceRequest, WorkingCalendar> change, CancellationToken cancellationToken)
    {
        var (request, team) = await LoadVisibleAsync(requestId, actor.Id, cancellationToken);
        var calendar = team?.WorkingCalendar() ?? WorkingCalendar.AlwaysOpen;
        return await store.UpdateAsync(request, KeepingRefused(r => change(r, calendar)), cancellationToken);
    }

    /// <summary>
    /// The change, which puts the request it was refused on into the refusal (<see cref="RequestRuleException.Request"/>):
    /// the domain refuses before it changes anything, so that is the request to show with the refusal, and the click's
    /// answer need not load it again.
    /// </summary>
    internal static Action<ServiceRequest> KeepingRefused(Action<ServiceRequest> change) => request =>
    {
        try
        {
            change(request);
        }
        catch (RequestRuleException refusal)
        {
            refusal.About(request);
            throw;
        }
    };

    private async Task<(ServiceRequest Request, Team? Team)> LoadVisibleAsync(string requestId, string personId, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken) ?? throw new RequestNotVisibleException(requestId);
        var team = await TeamOfAsync(request, cancellationToken);
        return RequestViewers.MayView(request, personId, team) ? (request, team) : throw new RequestNotVisibleException(requestId);
    }

    private Task<Team?> TeamOfAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        directory.FindTeamAsync(request.TeamId, cancellationToken);

    /// <summary>
    /// The same form sent again: its requester gets their request back (a double click, a retry); anyone else replaying
    /// the form's key learns nothing of it.
    /// </summary>
    private static SubmitResult Duplicate(ServiceRequest existing, PersonRef requester) =>
        existing.IsRequester(requester.Id)
            ? new SubmitResult(existing, new FormErrors(new Dictionary<string, string>()), Item: null, WasDuplicate: true)
            : throw new RequestRuleException("This form was already sent, so I can't log it again. Type 'new request' for a fresh one.");

    /// <summary>
    /// A choice is stored as the catalog spells it: the validator accepts "berlin office", but fulfilment
    /// steps and reports compare against "Berlin office".
    /// </summary>
    internal static string StoredValue(CatalogField field, string raw)
    {
        var value = raw.Trim();
        return field.Type == FieldType.Choice
            ? field.Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? value
            : value;
    }
}
