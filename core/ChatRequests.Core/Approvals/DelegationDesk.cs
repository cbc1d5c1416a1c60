using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Approvals;

/// <summary>What setting a delegation came to: set, or several people fit the name and the person must choose.</summary>
public sealed record DelegationSetting(Delegation? Set, IReadOnlyList<Person> Candidates, DateOnly LastDay);

/// <summary>
/// Sets, ends and shows an approver's delegation. The delegate is always a person of the directory (found by name, or
/// the id a choice card sent, looked up again); "until D" runs through the end of day D (UTC). Refusals say what is
/// wrong (<see cref="RequestRuleException"/>): no name, no or an unreadable or past day, oneself, nobody of that name.
/// </summary>
public sealed class DelegationDesk(IDelegationStore store, IDirectory directory, TimeProvider clock)
{
    /// <summary>"delegate approvals to NAME until DAY", as the words said it.</summary>
    public async Task<DelegationSetting> SetAsync(PersonRef approver, DelegationAsk ask, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(ask.DelegateName))
        {
            throw new RequestRuleException("To whom? Say it like this: 'delegate approvals to Grace Liu until 2026-12-31'.");
        }

        var lastDay = LastDay(ask.UntilText);
        var people = await directory.FindPeopleByNameAsync(ask.DelegateName, cancellationToken);
        var others = people.Where(p => p.Id != approver.Id).ToList();
        if (people.Count > 0 && others.Count == 0)
        {
            throw new RequestRuleException("You can't delegate your approvals to yourself. Name someone else.");
        }

        return others.Count switch
        {
            0 => throw new RequestRuleException("I found nobody of that name in the directory. Check the spelling, or use their full name."),
            1 => new DelegationSetting(await SaveAsync(approver, others[0], lastDay, cancellationToken), [], lastDay),
            _ => new DelegationSetting(null, others, lastDay),
        };
    }

    /// <summary>The person picked on a choice card: the id is the card's, so it is looked up in the directory again.</summary>
    public async Task<Delegation> SetToAsync(PersonRef approver, string delegateId, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        var person = await directory.FindPersonAsync(delegateId, cancellationToken)
            ?? throw new RequestRuleException("That person is no longer in the directory. Type the delegation again with another name.");
        return await SaveAsync(approver, person, lastDay, cancellationToken);
    }

    /// <summary>The approver's delegation while it lasts; null when none is set or it ran out.</summary>
    public async Task<Delegation?> CurrentAsync(string approverId, CancellationToken cancellationToken = default) =>
        await store.FindAsync(approverId, cancellationToken) is { } delegation && delegation.IsActiveAt(clock.GetUtcNow()) ? delegation : null;

    /// <summary>Ends the approver's delegation; the one it ended (null when none was on).</summary>
    public async Task<Delegation?> EndAsync(string approverId, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(approverId, cancellationToken);
        var removed = await store.RemoveAsync(approverId, cancellationToken);
        return removed ? current : null;
    }

    private DateOnly LastDay(string? untilText)
    {
        if (string.IsNullOrWhiteSpace(untilText))
        {
            throw new RequestRuleException("Until when? Add a day, like this: 'delegate approvals to Grace Liu until 2026-12-31'.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day = DelegationDates.Read(untilText, today)
            ?? throw new RequestRuleException("I couldn't read that day. Write it like 2026-12-31, 31 Dec, friday or tomorrow.");
        return day >= today ? day : throw new RequestRuleException("That day has passed. Name today or a day to come.");
    }

    private async Task<Delegation> SaveAsync(PersonRef approver, Person person, DateOnly lastDay, CancellationToken cancellationToken)
    {
        if (person.Id == approver.Id)
        {
            throw new RequestRuleException("You can't delegate your approvals to yourself. Name someone else.");
        }

        var now = clock.GetUtcNow();
        if (lastDay < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new RequestRuleException("That day has passed. Name today or a day to come.");
        }

        // Through the end of the day named: the instant the next day begins (UTC; the organisation keeps no time zone).
        var until = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var delegation = new Delegation(approver, new PersonRef(person.Id, person.Name), until, now, approver);
        await store.SetAsync(delegation, cancellationToken);
        return delegation;
    }
}
