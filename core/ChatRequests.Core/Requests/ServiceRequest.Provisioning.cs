using System.Text.Json.Serialization;
using ChatRequests.Core.Provisioning;

namespace ChatRequests.Core.Requests;

// The automatic provisioning of an approved request: each step's outcome as the request records it. Steps run in
// order; a step that is done is never done again (a redelivered event, a worker that crashed after the change), a
// refused step stops the rest for the team to do by hand, and the last step done fulfils the request.
public sealed partial class ServiceRequest
{
    private List<ProvisioningStepProgress>? _provisioningSteps;

    /// <summary>
    /// Each step's outcome, in the plan's order; null until a step has one, and in documents written before steps were
    /// tracked, whose one step stands where <see cref="ProvisioningStatus"/> says.
    /// </summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProvisioningStepProgress>? ProvisioningSteps
    {
        get => _provisioningSteps;
        internal set => _provisioningSteps = value is null ? null : [.. value];
    }

    /// <summary>The steps of the request's provisioning, in order; empty when it has none.</summary>
    [JsonIgnore] public IReadOnlyList<ProvisioningStep> ProvisioningStepList => Provisioning?.StepList ?? [];

    /// <summary>Where step <paramref name="index"/> stands.</summary>
    public ProvisioningStepProgress StepProgress(int index) =>
        _provisioningSteps is { } steps && index < steps.Count ? steps[index]
        : ProvisioningStatus is { } overall and not Core.Provisioning.ProvisioningStatus.Pending ? new(overall)
        : ProvisioningStepProgress.Pending;

    /// <summary>The step to run next: the first one not done, while none failed; null when there is nothing to run.</summary>
    [JsonIgnore] public int? NextProvisioningStep
    {
        get
        {
            if (ProvisioningStatus != Core.Provisioning.ProvisioningStatus.Pending)
            {
                return null;
            }

            var steps = ProvisioningStepList;
            for (var i = 0; i < steps.Count; i++)
            {
                if (StepProgress(i).Status == Core.Provisioning.ProvisioningStatus.Pending)
                {
                    return i;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Step <paramref name="index"/> was done automatically: a history line says so, and when it was the last step, a
    /// request the team still works is fulfilled by the system (the requester is asked to confirm as after any
    /// resolution, and the closing timers start as after any resolution); one that was resolved, closed or cancelled
    /// meanwhile only gets the history line. With a quality check due (<paramref name="rules"/>: a flagged item, or a team
    /// that checks all) the grant goes to a reviewer first, as an agent's work would. A step that is done already (a
    /// redelivered event) changes nothing. Says whether it changed anything.
    /// </summary>
    public bool CompleteProvisioningStep(int index, DateTimeOffset now, ResolutionRules? rules = null)
    {
        rules ??= ResolutionRules.None;
        if (!IsNextStep(index))
        {
            return false;
        }

        var steps = ProvisioningStepList;
        SetStep(index, new ProvisioningStepProgress(Core.Provisioning.ProvisioningStatus.Done, now));
        var stepLine = $"{steps[index].Done(Requester.Name)} (automatic{StepOf(index, steps.Count)})";
        if (index < steps.Count - 1)
        {
            Note(AuditAction.ProvisioningDone, now, stepLine);
            return true;
        }

        ProvisioningStatus = Core.Provisioning.ProvisioningStatus.Done;
        if (RequestTransitions.IsAllowed(State, RequestCommand.CompleteProvisioning))
        {
            // The resolution line is the last step's line, and tells the requester everything that was done.
            var notes = $"{string.Join("; ", steps.Select((s, i) => LowerFirstUnless(i == 0, s.Done("you"))))} (automatic)";
            Apply(rules.QualityCheck ? RequestCommand.SubmitProvisioningForReview : RequestCommand.CompleteProvisioning, PersonRef.System, now, notes);
            ResolutionNotes = notes;
            StatusNote = null;
            if (rules.QualityCheck)
            {
                StartReview(PersonRef.System, now, rules);
                return true;
            }

            ScheduleClosing(now, rules.Closing);
            Raise(RequestEventType.Resolved, PersonRef.System, now, notes);
        }
        else
        {
            Note(AuditAction.ProvisioningDone, now, stepLine);
        }

        return true;
    }

    /// <summary>
    /// Step <paramref name="index"/> was refused for good: the rest do not run. Recorded in the history and as the status
    /// note, which names the step and what is left for the team to do by hand; the state does not change. Recorded once; says whether it changed anything.
    /// </summary>
    public bool FailProvisioningStep(int index, string reason, DateTimeOffset now)
    {
        if (!IsNextStep(index))
        {
            return false;
        }

        var steps = ProvisioningStepList;
        reason = reason.TrimEnd('.');
        SetStep(index, new ProvisioningStepProgress(Core.Provisioning.ProvisioningStatus.Failed, now, reason));
        ProvisioningStatus = Core.Provisioning.ProvisioningStatus.Failed;
        var left = JoinAnd(steps.Skip(index).Select(s => s.ToDo(Requester.Name)));
        var note = steps.Count == 1
            ? $"Automatic provisioning failed: {reason}. Please {left} by hand."
            : $"Automatic provisioning failed at step {index + 1} of {steps.Count} ({steps[index].ToDo(Requester.Name)}): {reason}. Please {left} by hand.";
        Note(AuditAction.ProvisioningFailed, now, note);
        StatusNote = note;
        Raise(RequestEventType.ProvisioningFailed, PersonRef.System, now, note);
        return true;
    }

    // Only the next step moves: an earlier one is settled already (a redelivery), a later one would skip a step.
    private bool IsNextStep(int index)
    {
        var next = NextProvisioningStep;
        if (next is null || index < next)
        {
            return false;
        }

        return index == next
            ? true
            : throw new InvalidOperationException($"Provisioning step {index + 1} of {Id} cannot finish before step {next + 1}.");
    }

    private void SetStep(int index, ProvisioningStepProgress progress)
    {
        _provisioningSteps ??= [.. ProvisioningStepList.Select((_, i) => StepProgress(i))];
        _provisioningSteps[index] = progress;
    }

    private static string StepOf(int index, int count) => count == 1 ? "" : $", step {index + 1} of {count}";

    private static string LowerFirstUnless(bool first, string text) => first ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string JoinAnd(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }
}
