using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Options;

namespace ChatRequests.Core.Approvals;

/// <summary>
/// Works out who approves a request from its catalog item's policy (<see cref="ApprovalPolicy"/>): the stages whose
/// condition holds, each resolved to people, keeping segregation of duties: the requester never approves their own
/// request, and every stage gets fallbacks (a lone approver's manager, then the item's approver group) that
/// <see cref="ServiceRequest"/> turns to when the approvers decided an earlier stage, cannot be reached or do not answer
/// in time. Each stage carries the item's approval timeout (else the configured default) as of submission.
/// </summary>
public sealed class ApproverResolver(IDirectory directory, IOptions<ApprovalOptions>? options = null)
{
    private const int MaxChainDepth = 10;

    /// <param name="fields">The form's values by field id: conditions and the cost centre are read from them.</param>
    public async Task<IReadOnlyList<ApprovalStage>> ResolveAsync(
        CatalogItem item, Person requester, IReadOnlyDictionary<string, string>? fields = null, CancellationToken cancellationToken = default)
    {
        fields ??= new Dictionary<string, string>();
        var stages = new List<ApprovalStage>();
        foreach (var policy in item.Approval.Stages.Where(s => StageConditions.Apply(s.When, item, fields)))
        {
            var stage = await ResolveStageAsync(policy, item, requester, fields, cancellationToken);
            // A manager stage that fell back to the group the next stage asks (no manager, then the group) is asked once.
            if (stages.Count > 0 && stages[^1].Name == stage.Name && SamePeople(stages[^1], stage))
            {
                continue;
            }

            stages.Add(stage);
        }

        // Every stage gets its fallbacks: its approvers may have decided an earlier stage, Teams may not reach them, or they may not answer.
        var timeoutHours = item.ApprovalTimeoutHours ?? options?.Value.DefaultTimeoutHours;
        for (var index = 0; index < stages.Count; index++)
        {
            stages[index] = stages[index] with
            {
                Fallbacks = await FallbacksAsync(stages[index], item.ApproverGroupId, requester, cancellationToken), TimeoutHours = timeoutHours,
            };
        }

        return stages;
    }

    /// <summary>
    /// Why the requester gets the item without approval ("pre-authorised: Engineering gets IDE licence"), from the
    /// organisation's entitlements; null when no entitlement covers them (or the item needs no approval anyway).
    /// </summary>
    public async Task<string?> PreAuthorisationAsync(CatalogItem item, Person requester, CancellationToken cancellationToken = default)
    {
        if (item.Approval.Stages.Count == 0)
        {
            return null;
        }

        foreach (var entitlement in await directory.ListEntitlementsAsync(cancellationToken))
        {
            var forItem = entitlement.ItemIds.Contains(item.Id, StringComparer.OrdinalIgnoreCase);
            if (!forItem && !entitlement.Categories.Contains(item.Category, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Matches(entitlement.Department, requester.Department) || !Matches(entitlement.JobTitle, requester.JobTitle))
            {
                continue;
            }

            var group = entitlement.GroupId is { } groupId ? await directory.FindGroupAsync(groupId, cancellationToken) : null;
            if (entitlement.GroupId is not null && group?.MemberIds.Contains(requester.Id, StringComparer.OrdinalIgnoreCase) != true)
            {
                continue;
            }

            string[] who = [.. new[] { entitlement.Department, entitlement.JobTitle, group?.Name }.OfType<string>()];
            return $"pre-authorised: {string.Join(", ", who)} gets {(forItem ? item.Name : $"{item.Category} items")}";
        }

        return null;
    }

    private async Task<ApprovalStage> ResolveStageAsync(
        StagePolicy policy, CatalogItem item, Person requester, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var stage = policy.Kind switch
        {
            StageKinds.Manager => await ManagerStageAsync(policy, item, requester, cancellationToken),
            StageKinds.Group => await GroupStageAsync(policy.GroupId ?? item.ApproverGroupId, item, requester, cancellationToken),
            StageKinds.Owner => await OwnerStageAsync(item, requester, cancellationToken),
            StageKinds.CostCentreOwner => await CostCentreStageAsync(policy, item, requester, fields, cancellationToken),
            _ => throw new RequestRuleException($"'{item.Name}' has an approval stage I do not know ({policy.Kind}). Please contact the IT service desk."),
        };
        return stage with { Name = policy.Name ?? stage.Name, Mode = policy.Mode };
    }

    private async Task<ApprovalStage> ManagerStageAsync(StagePolicy policy, CatalogItem item, Person requester, CancellationToken cancellationToken)
    {
        Person? manager = null;
        var seen = new HashSet<string> { requester.Id };
        for (var level = 0; level < Math.Max(1, policy.Levels); level++)
        {
            var next = await FindEligibleManagerAsync(manager ?? requester, seen, cancellationToken);
            if (next is null)
            {
                break;
            }

            manager = next;
        }

        // With no manager above the requester, the item's approver group approves instead.
        return manager is not null
            ? new ApprovalStage("Manager", [Ref(manager)])
            : await GroupStageAsync(item.ApproverGroupId, item, requester, cancellationToken);
    }

    private async Task<ApprovalStage> OwnerStageAsync(CatalogItem item, Person requester, CancellationToken cancellationToken)
    {
        if (item.Owner?.GroupId is { } groupId)
        {
            return await GroupStageAsync(groupId, item, requester, cancellationToken) with { Name = "Owner" };
        }

        var owner = item.Owner?.PersonId is { } ownerId ? await directory.FindPersonAsync(ownerId, cancellationToken) : null;
        return await PersonStageAsync("Owner", owner, item, requester, cancellationToken);
    }

    private async Task<ApprovalStage> CostCentreStageAsync(
        StagePolicy policy, CatalogItem item, Person requester, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var code = fields.GetValueOrDefault(policy.Field);
        var costCentre = string.IsNullOrWhiteSpace(code) ? null : await directory.FindCostCentreAsync(code, cancellationToken);
        if (costCentre is null)
        {
            throw new RequestRuleException(
                $"I don't know the cost centre '{code}', so I can't tell who approves the budget. Please check it, or contact the IT service desk.");
        }

        var owner = await directory.FindPersonAsync(costCentre.OwnerId, cancellationToken);
        return await PersonStageAsync($"Budget owner of {costCentre.Id}", owner, item, requester, cancellationToken);
    }

    /// <summary>A stage for one person; when that is the requester (or nobody), their manager, else the item's group.</summary>
    private async Task<ApprovalStage> PersonStageAsync(
        string name, Person? person, CatalogItem item, Person requester, CancellationToken cancellationToken)
    {
        if (person is not null && person.Id != requester.Id)
        {
            return new ApprovalStage(name, [Ref(person)]);
        }

        var manager = person is null ? null : await FindEligibleManagerAsync(person, [requester.Id], cancellationToken);
        return manager is not null
            ? new ApprovalStage(name, [Ref(manager)])
            : await GroupStageAsync(item.ApproverGroupId, item, requester, cancellationToken) with { Name = name };
    }

    /// <summary>The first manager above <paramref name="person"/> not in <paramref name="seen"/> (the requester, a loop), or null.</summary>
    private async Task<Person?> FindEligibleManagerAsync(Person person, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var current = person;
        for (var depth = 0; depth < MaxChainDepth && current.ManagerId is { } managerId; depth++)
        {
            var manager = await directory.FindPersonAsync(managerId, cancellationToken);
            if (manager is null)
            {
                return null;
            }

            if (seen.Add(manager.Id))
            {
                return manager;
            }

            // The chain leads back to someone already seen (the requester, or a loop): go one further up.
            current = manager;
        }

        return null;
    }

    private async Task<ApprovalStage> GroupStageAsync(string? groupId, CatalogItem item, Person requester, CancellationToken cancellationToken)
    {
        var group = groupId is null ? null : await directory.FindGroupAsync(groupId, cancellationToken);
        if (group is null)
        {
            throw new RequestRuleException(
                $"No one can approve '{item.Name}' for you: there is no manager above you and the item has no approver group. Please contact the IT service desk.");
        }

        var approvers = await MembersAsync(group, requester, cancellationToken);
        if (approvers.Count == 0)
        {
            throw new RequestRuleException(
                $"No one but you is in the approver group '{group.Name}', and you cannot approve your own request. Please contact the IT service desk.");
        }

        return new ApprovalStage(group.Name, approvers);
    }

    private async Task<List<PersonRef>> MembersAsync(ApproverGroup group, Person requester, CancellationToken cancellationToken)
    {
        var approvers = new List<PersonRef>();
        foreach (var memberId in group.MemberIds.Where(id => id != requester.Id))
        {
            var member = await directory.FindPersonAsync(memberId, cancellationToken);
            approvers.Add(new PersonRef(memberId, member?.Name ?? memberId));
        }

        return approvers;
    }

    /// <summary>
    /// The fallbacks of a stage stored before they were kept (ADR 0014): worked out now, from today's directory and the
    /// item's approver group (none when the item left the catalog), the same way as at submission.
    /// </summary>
    public async Task<IReadOnlyList<StageRoute>> FallbacksOfStoredAsync(
        ServiceRequest request, ApprovalStage stage, CatalogItem? item, CancellationToken cancellationToken = default)
    {
        var requester = await directory.FindPersonAsync(request.Requester.Id, cancellationToken)
            ?? new Person { Id = request.Requester.Id, Name = request.Requester.Name };
        return await FallbacksAsync(stage, item?.ApproverGroupId, requester, cancellationToken);
    }

    /// <summary>Where a stage goes when its approvers decided an earlier one or cannot be reached: a lone approver's manager, then the item's group.</summary>
    private async Task<IReadOnlyList<StageRoute>> FallbacksAsync(
        ApprovalStage stage, string? approverGroupId, Person requester, CancellationToken cancellationToken)
    {
        var routes = new List<StageRoute>();
        if (stage.Approvers is [var only] && await directory.FindPersonAsync(only.Id, cancellationToken) is { } approver
            && await FindEligibleManagerAsync(approver, [requester.Id], cancellationToken) is { } manager)
        {
            routes.Add(new StageRoute($"{only.Name}'s manager", [Ref(manager)]));
        }

        if (approverGroupId is { } groupId && await directory.FindGroupAsync(groupId, cancellationToken) is { } group)
        {
            routes.Add(new StageRoute($"the approver group {group.Name}", await MembersAsync(group, requester, cancellationToken)));
        }

        // A route to the very people the stage already asks leads nowhere.
        return [.. routes.Where(r => !SamePeople(stage, new ApprovalStage(stage.Name, r.Approvers)))];
    }

    private static bool Matches(string? wanted, string? actual) =>
        wanted is null || string.Equals(wanted.Trim(), actual?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool SamePeople(ApprovalStage a, ApprovalStage b) =>
        a.Approvers.Select(p => p.Id).Order().SequenceEqual(b.Approvers.Select(p => p.Id).Order());

    private static PersonRef Ref(Person person) => new(person.Id, person.Name);
}
