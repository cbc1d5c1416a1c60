namespace ChatRequests.Core.Requests;

// The automatic provisioning of an approved request: its outcome as the request records it.
public sealed partial class ServiceRequest
{
    /// <summary>
    /// The automatic provisioning is done: a request the team still works is fulfilled by the system (the requester
    /// is asked to confirm as after any resolution); one that was resolved, closed or cancelled meanwhile only gets an
    /// audit line. Done once: a second completion (a redelivered event) changes nothing.
    /// </summary>
    public void CompleteProvisioning(DateTimeOffset now)
    {
        if (Provisioning is not { } plan || ProvisioningStatus == Core.Provisioning.ProvisioningStatus.Done)
        {
            return;
        }

        ProvisioningStatus = Core.Provisioning.ProvisioningStatus.Done;
        var notes = $"Added you to {plan.GroupName} (automatic)";
        if (RequestTransitions.IsAllowed(State, RequestCommand.CompleteProvisioning))
        {
            Apply(RequestCommand.CompleteProvisioning, PersonRef.System, now, notes);
            ResolutionNotes = notes;
            StatusNote = null;
            Raise(RequestEventType.Resolved, PersonRef.System, now, notes);
        }
        else
        {
            Note(AuditAction.ProvisioningDone, now, $"Added {Requester.Name} to {plan.GroupName} (automatic)");
        }
    }

    /// <summary>
    /// The automatic provisioning was refused for good: recorded in the history and as the status note so that the
    /// team does it by hand; the state does not change. Recorded once.
    /// </summary>
    public void FailProvisioning(string reason, DateTimeOffset now)
    {
        if (Provisioning is not { } plan || ProvisioningStatus != Core.Provisioning.ProvisioningStatus.Pending)
        {
            return;
        }

        ProvisioningStatus = Core.Provisioning.ProvisioningStatus.Failed;
        var note = $"Automatic provisioning failed: {reason.TrimEnd('.')}. Please add {Requester.Name} to {plan.GroupName} by hand.";
        Note(AuditAction.ProvisioningFailed, now, note);
        StatusNote = note;
        Raise(RequestEventType.ProvisioningFailed, PersonRef.System, now, note);
    }
}
