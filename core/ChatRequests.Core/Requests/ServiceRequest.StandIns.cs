namespace ChatRequests.Core.Requests;

// Who decides for whom: stand-ins (a delegate, a manager while the approver is away) and "Ask someone else".
public sealed partial class ServiceRequest
{
    /// <summary>
    /// "Ask someone else": <paramref name="by"/>, still awaited on the pending stage <paramref name="stage"/>, has
    /// <paramref name="to"/> decide it in their place, through the reroute line. The same rules hold as for any route:
    /// not the requester, nobody who decided an earlier step, nobody asked already. The requester is told, the new
    /// approver gets the card, and the card of <paramref name="by"/> says whom they asked. When <paramref name="to"/> has a
    /// stand-in (<paramref name="toStandIn"/>, their own: delegation does not chain) the stage goes to the stand-in, who
    /// decides on their behalf; a stand-in who may not decide it is refused as <paramref name="to"/> would be.
    /// </summary>
    public void AskSomeoneElse(PersonRef by, PersonRef to, int stage, DateTimeOffset now, StandIn? toStandIn = null)
    {
        if (stage < 0 || stage >= _approvals.Count)
        {
            throw new RequestRuleException("That approval does not belong to this request.");
        }

        var target = _approvals[stage];
        if (!target.IsApprover(by.Id))
        {
            throw new NotPermittedException("You are not an approver of this request.");
        }

        if ((target.Decision ?? target.ApprovedBy.FirstOrDefault(d => d.ById == by.Id)) is { } earlier)
        {
            throw new AlreadyDecidedException(earlier, now);
        }

        if (State != RequestState.AwaitingApproval || stage != CurrentStage)
        {
            throw new RequestRuleException("This step no longer waits for a decision, so there is nobody to ask.");
        }

        var decidedBefore = DecidedEarlierInRound(stage);
        string? Refusal(PersonRef p) =>
            p.Id == by.Id ? "That is you: name someone else."
            : p.Id == Requester.Id ? $"{p.Name} asked for this request and may not approve it."
            : decidedBefore.Contains(p.Id) ? $"{p.Name} decided an earlier step of this request and may not decide this one too."
            : target.IsApprover(p.Id) ? $"{p.Name} is already asked to decide this step."
            : null;
        var standIn = toStandIn is { } s && s.For.Id == to.Id && s.Delegate.Id != to.Id ? s : null;
        var refusal = Refusal(to) ?? (standIn is null ? null
            : standIn.Delegate.Id == by.Id ? $"{to.Name} {standIn.Why}, and that is you: name someone else."
            : Refusal(standIn.Delegate) is { } why ? $"{to.Name} {standIn.Why}: {why}"
            : null);
        if (refusal is not null)
        {
            throw new RequestRuleException(refusal);
        }

        var decider = standIn?.Delegate ?? to;
        _approvals[stage] = target with
        {
            Approvers = [.. target.Approvers.Select(a => a.Id == by.Id ? decider : a)],
            Handovers = [.. target.Handovers, new Handover(by, to, now)],
            StandIns = standIn is null ? target.StandIns : [.. target.StandIns, standIn],
        };
        var who = StandIn.Describe(by.Name, target.OnBehalfOf(by.Id));
        var whom = StandIn.Describe(decider.Name, standIn?.For);
        var because = standIn is null ? "" : $" ({to.Name} {standIn.Why})";
        Note(AuditAction.Reroute, now, $"{who} asked {whom} to decide {target.Name}{because}");
        Raise(RequestEventType.ApprovalRerouted, by, now, $"{who} asked {whom} to decide your approval.");
        Raise(RequestEventType.ApprovalRequested, by, now, null);
    }

    /// <summary>
    /// Replaces each approver of <paramref name="stage"/> someone stands in for by that person, recorded on the stage so
    /// that their decision names whom it was for. Delegation does not chain: only the approvers' own stand-ins are used.
    /// A stand-in who may not decide (they raised the request or decided an earlier step) leaves the approver out, as an
    /// approver who decided an earlier step is: the stage goes on with the others, else to its first fallback.
    /// </summary>
    private ApprovalStage WithStandIns(
        ApprovalStage stage, IReadOnlyDictionary<string, StandIn>? standIns, Func<PersonRef, bool> mayDecide, DateTimeOffset now)
    {
        if (standIns is null || standIns.Count == 0 || stage.Decision is not null)
        {
            return stage;
        }

        var approvers = new List<PersonRef>();
        var added = new List<StandIn>();
        var blocked = new List<StandIn>();
        foreach (var approver in stage.Approvers)
        {
            // Kept: no stand-in, one who already approved (an "all" stage), or a stand-in the stage asks anyway (an "all"
            // stage must not lose one of its approvals to a merge).
            if (!standIns.TryGetValue(approver.Id, out var standIn) || standIn.Delegate.Id == approver.Id
                || stage.ApprovedBy.Any(d => d.ById == approver.Id) || stage.IsApprover(standIn.Delegate.Id))
            {
                approvers.Add(approver);
            }
            else if (mayDecide(standIn.Delegate))
            {
                approvers.Add(standIn.Delegate);
                added.Add(standIn);
                Note(AuditAction.Reroute, now,
                    $"{approver.Name} {standIn.Why}: {stage.Name} goes to {StandIn.Describe(standIn.Delegate.Name, approver)}");
            }
            else
            {
                blocked.Add(standIn);
            }
        }

        if (blocked.Count > 0)
        {
            var why = string.Join("; ", blocked.Select(b =>
                $"{b.For.Name} {b.Why}, but {b.Delegate.Name} {(b.Delegate.Id == Requester.Id ? "raised this request" : "decided an earlier step")} and may not decide {stage.Name}"));
            var unavailable = blocked.SelectMany(b => new[] { b.For.Id, b.Delegate.Id }).ToHashSet();
            var route = approvers.Count > 0
                ? null
                : stage.Fallbacks.Select(r => r with { Approvers = [.. r.Approvers.Where(p => mayDecide(p) && !unavailable.Contains(p.Id))] })
                    .FirstOrDefault(r => r.Approvers.Count > 0);
            if (approvers.Count > 0)
            {
                Note(AuditAction.Reroute, now, $"{why}: it goes on with {string.Join(", ", approvers.Select(p => p.Name))}");
            }
            else if (route is not null)
            {
                approvers.AddRange(route.Approvers);
                Note(AuditAction.Reroute, now, $"{why}: it goes to {string.Join(", ", route.Approvers.Select(p => p.Name))} ({route.Why})");
            }
            else
            {
                approvers.AddRange(blocked.Select(b => b.For));
                Note(AuditAction.Reroute, now, $"{why}, and nobody else can decide it: it stays with {string.Join(", ", blocked.Select(b => b.For.Name))}");
            }
        }

        return stage with { Approvers = approvers, StandIns = [.. stage.StandIns, .. added] };
    }
}
