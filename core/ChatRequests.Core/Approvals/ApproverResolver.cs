using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Approvals;

/// <summary>
/// Works out who approves a request, keeping segregation of duties: the requester never approves their
/// own request. The manager stage walks up the chain past the requester; with no eligible manager it
/// falls back to the item's approver group.
/// </summary>
public sealed class ApproverResolver(IDirectory directory)
{
    private const int MaxChainDepth = 10;

    public async Task<IReadOnlyList<ApprovalStage>> ResolveAsync(
        CatalogItem item, Person requester, CancellationToken cancellationToken = default)
    {
        if (item.Approval == ApprovalPolicy.None)
        {
            return [];
        }

        var stages = new List<ApprovalStage>();
        var manager = await FindEligibleManagerAsync(requester, cancellationToken);
        if (manager is not null)
        {
            stages.Add(new ApprovalStage("Manager", [new PersonRef(manager.Id, manager.Name)]));
        }
        else
        {
            stages.Add(await GroupStageAsync(item, requester, cancellationToken));
        }

        if (item.Approval == ApprovalPolicy.ManagerThenGroup && manager is not null)
        {
            stages.Add(await GroupStageAsync(item, requester, cancellationToken));
        }

        return stages;
    }

    private async Task<Person?> FindEligibleManagerAsync(Person requester, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string> { requester.Id };
        var current = requester;
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

    private async Task<ApprovalStage> GroupStageAsync(CatalogItem item, Person requester, CancellationToken cancellationToken)
    {
        var group = item.ApproverGroupId is { } groupId
            ? await directory.FindGroupAsync(groupId, cancellationToken)
            : null;
        if (group is null)
        {
            throw new RequestRuleException(
                $"No one can approve '{item.Name}' for you: there is no manager above you and the item has no approver group. Please contact the IT service desk.");
        }

        var approvers = new List<PersonRef>();
        foreach (var memberId in group.MemberIds.Where(id => id != requester.Id))
        {
            var member = await directory.FindPersonAsync(memberId, cancellationToken);
            approvers.Add(new PersonRef(memberId, member?.Name ?? memberId));
        }

        if (approvers.Count == 0)
        {
            throw new RequestRuleException(
                $"No one but you is in the approver group '{group.Name}', and you cannot approve your own request. Please contact the IT service desk.");
        }

        return new ApprovalStage(group.Name, approvers);
    }
}
