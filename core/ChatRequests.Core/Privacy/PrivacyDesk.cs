using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Privacy;

/// <summary>Someone who is not an auditor asked for an export or an erasure: the caller answers as if nothing was asked.</summary>
public sealed class NotAnAuditorException() : Exception("Only auditors export or erase data.");

/// <summary>
/// The auditors' exports and erasures: every call checks the auditor role again (<see cref="GovernanceSettings.IsAuditorAsync"/>)
/// whatever a card or an earlier turn said, and every export and erasure is logged with who asked, and a person export is also a line in the history of each request it held. A person is named by
/// their directory id, looked up again here. Exports are whole-store scans: an auditor's occasional work, never a turn
/// of anyone else.
/// </summary>
public sealed class PrivacyDesk(
    IRequestStore requests,
    IDelegationStore delegations,
    IAssignmentStore assignments,
    IDirectory directory,
    TimeProvider clock,
    ILogger<PrivacyDesk> logger)
{
    public async Task<bool> IsAuditorAsync(string personId, CancellationToken cancellationToken = default) =>
        await (await directory.GetGovernanceSettingsAsync(cancellationToken)).IsAuditorAsync(directory, personId, cancellationToken);

    /// <summary>The requests submitted in the period the words name (days in UTC), sensitive answers masked.</summary>
    public async Task<ExportFile> PeriodFileAsync(PersonRef auditor, string periodWords, CancellationToken cancellationToken = default)
    {
        await RequireAuditorAsync(auditor, cancellationToken);
        var period = ReportPeriods.Read(periodWords, clock.GetUtcNow(), TimeZoneInfo.Utc)
            ?? throw new RequestRuleException("I can't tell which period that is. Say for example 'export requests for November' or 'export last month'.");
        var file = await PeriodExport.BuildAsync(requests, period, cancellationToken);
        logger.LogInformation(
            "Auditor {AuditorId} exported the requests submitted from {From:O} to {To:O} ({Count} requests)",
            auditor.Id, period.From, period.To, file.RequestCount);
        return file;
    }

    /// <summary>The people of that name in the directory: one or more; none is a refusal that says so.</summary>
    public async Task<IReadOnlyList<Person>> FindPeopleAsync(PersonRef auditor, string name, CancellationToken cancellationToken = default)
    {
        await RequireAuditorAsync(auditor, cancellationToken);
        var people = await directory.FindPeopleByNameAsync(name, cancellationToken);
        return people.Count > 0
            ? people
            : throw new RequestRuleException("I found nobody of that name in the directory. Check the spelling, or use their full name.");
    }

    /// <summary>Everything held about the person (<see cref="PersonDataExport"/>) as a JSON file, their own sensitive answers included.</summary>
    public async Task<ExportFile> PersonFileAsync(PersonRef auditor, string personId, CancellationToken cancellationToken = default)
    {
        await RequireAuditorAsync(auditor, cancellationToken);
        var person = await PersonAsync(personId, cancellationToken);
        var now = clock.GetUtcNow();
        var data = await PersonDataExport.CollectAsync(person, requests, delegations, assignments, now, cancellationToken);
        var recorded = await ExportRecord.RecordAsync(data.RequestsMade, person, auditor, requests, now, cancellationToken);
        logger.LogInformation(
            "Auditor {AuditorId} exported the data of person {PersonId} ({Count} requests made, {Lines} history lines; recorded in {Recorded} histories)",
            auditor.Id, person.Id, data.RequestsMade.Count, data.HistoryLines.Count, recorded);
        var fileName = $"person-data-{now.UtcDateTime:yyyyMMdd}.json";
        return new ExportFile(fileName, $"Data held about {person.Name}", data.RequestsMade.Count, PersonDataExport.Json(data));
    }

    /// <summary>The person an erasure would be for, looked up again (for the confirmation card).</summary>
    public async Task<PersonRef> ErasureOfAsync(PersonRef auditor, string personId, CancellationToken cancellationToken = default)
    {
        await RequireAuditorAsync(auditor, cancellationToken);
        return await PersonAsync(personId, cancellationToken);
    }

    /// <summary>The erasure (<see cref="PersonErasure"/>): each anonymised request's history names the auditor; a second run does nothing.</summary>
    public async Task<(PersonRef Person, ErasureResult Result)> EraseAsync(PersonRef auditor, string personId, CancellationToken cancellationToken = default)
    {
        await RequireAuditorAsync(auditor, cancellationToken);
        var person = await PersonAsync(personId, cancellationToken);
        var result = await PersonErasure.EraseAsync(person, auditor, requests, delegations, assignments, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation(
            "Auditor {AuditorId} erased the data of person {PersonId}: {Anonymised} requests anonymised, {LeftOpen} open left, delegation removed {DelegationRemoved}, availability removed {AvailabilityRemoved}",
            auditor.Id, person.Id, result.Anonymised.Count, result.LeftOpen.Count, result.DelegationRemoved, result.AvailabilityRemoved);
        return (person, result);
    }

    private async Task RequireAuditorAsync(PersonRef person, CancellationToken cancellationToken)
    {
        if (!await IsAuditorAsync(person.Id, cancellationToken))
        {
            logger.LogWarning("Person {PersonId} asked for an export or erasure and is no auditor", person.Id);
            throw new NotAnAuditorException();
        }
    }

    private async Task<PersonRef> PersonAsync(string personId, CancellationToken cancellationToken) =>
        await directory.FindPersonAsync(personId, cancellationToken) is { } person
            ? new PersonRef(person.Id, person.Name)
            : throw new RequestRuleException("That person is no longer in the directory. Type the command again with their name.");
}
