using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Sla;

/// <summary>
/// Looks up who the escalation ladder's levels of a request go to, just before a level may fire: the team's lead and
/// supervisor, senior management (people and the members of a group), whether the requester is a VIP, and when a
/// breach counts as long in the team's working time. People no longer in the directory are left out.
/// </summary>
public sealed class EscalationContactsFinder(IDirectory directory)
{
    public async Task<EscalationContacts> ForAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var team = await directory.FindTeamAsync(request.TeamId, cancellationToken);
        var settings = await directory.GetEscalationSettingsAsync(cancellationToken);
        var seniorIds = settings.SeniorManagement.Concat(await MembersAsync(settings.SeniorManagementGroupId, cancellationToken))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var senior = new List<PersonRef>();
        foreach (var id in seniorIds)
        {
            if (await PersonAsync(id, cancellationToken) is { } person)
            {
                senior.Add(person);
            }
        }

        var requesterIsVip = await IsVipAsync(request, settings, cancellationToken);
        var calendar = team?.WorkingCalendar() ?? WorkingCalendar.AlwaysOpen;
        var hours = settings.Level3AfterBreachHours;
        return new EscalationContacts(
            await PersonAsync(team?.LeadId, cancellationToken), await PersonAsync(team?.SupervisorId, cancellationToken), senior)
        {
            RequesterIsVip = requesterIsVip,
            Level3AfterBreachHours = hours,
            LongBreachAt = hours is { } h ? due => calendar.Add(due, TimeSpan.FromHours(h)) : _ => null,
        };
    }

    /// <summary>Whether the requester is a VIP (named, or in the VIP group), without looking up the ladder's people.</summary>
    public async Task<bool> IsVipAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        await IsVipAsync(request, await directory.GetEscalationSettingsAsync(cancellationToken), cancellationToken);

    private async Task<bool> IsVipAsync(ServiceRequest request, EscalationSettings settings, CancellationToken cancellationToken) =>
        settings.Vips.Concat(await MembersAsync(settings.VipGroupId, cancellationToken)).Contains(request.Requester.Id, StringComparer.OrdinalIgnoreCase);

    private async Task<IReadOnlyList<string>> MembersAsync(string? groupId, CancellationToken cancellationToken) =>
        groupId is null ? [] : (await directory.FindGroupAsync(groupId, cancellationToken))?.MemberIds ?? [];

    private async Task<PersonRef?> PersonAsync(string? id, CancellationToken cancellationToken) =>
        id is not null && await directory.FindPersonAsync(id, cancellationToken) is { } p ? new PersonRef(p.Id, p.Name) : null;
}
