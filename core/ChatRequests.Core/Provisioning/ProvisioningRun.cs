using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Provisioning;

/// <summary>
/// Runs the steps of an approved request's provisioning, in order, each outcome saved (version-checked) before the next
/// step starts: a step that is done is not run again by a redelivered event, and one that ran but was not recorded (the
/// worker died in between) runs again harmlessly, since every step is idempotent (a member already, a licence assigned
/// already, the webhook's idempotency key). A refusal is recorded for the team to do the rest by hand; anything else is
/// thrown for the outbox's retry. A step this process cannot run (a Graph step without Microsoft Graph) stops the run
/// with nothing recorded: the team card shows it and the rest as work to do by hand.
/// </summary>
/// <param name="rules">What the last step's fulfilment needs (a quality check, the closing timers); without it, neither.</param>
public sealed class ProvisioningRun(
    IRequestStore store, TimeProvider clock, IProvisioner? provisioner, IWebhookSender? webhooks, ILogger logger, ResolutionRulesFinder? rules = null)
{
    public async Task RunAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        // A request no longer worked (resolved by an agent, cancelled) is not provisioned any further.
        while (request.State.IsUnresolved() && request.NextProvisioningStep is { } index)
        {
            var step = request.ProvisioningStepList[index];
            if (Runner(request, step, index, cancellationToken) is not { } run)
            {
                logger.LogInformation("Provisioning step {Step} ({Kind}) of {RequestId} cannot run here; the team does it by hand",
                    index + 1, step.Kind, request.Id);
                return;
            }

            try
            {
                await run();
            }
            catch (ProvisioningRefusedException ex)
            {
                logger.LogWarning("Provisioning step {Step} ({Kind}) of {RequestId} was refused: {Reason}", index + 1, step.Kind, request.Id, ex.Message);
                await RecordAsync(request.Id, r => r.FailProvisioningStep(index, ex.Message, clock.GetUtcNow()), cancellationToken);
                return;
            }

            // The rules as the catalog and directory say now, looked up only for the step that fulfils the request.
            var fulfilling = index == request.ProvisioningStepList.Count - 1 && rules is not null
                ? await rules.ForAsync(request, cancellationToken)
                : null;
            request = await RecordAsync(request.Id, r => r.CompleteProvisioningStep(index, clock.GetUtcNow(), fulfilling), cancellationToken);
        }
    }

    private Func<Task>? Runner(ServiceRequest request, ProvisioningStep step, int index, CancellationToken cancellationToken)
    {
        var person = request.Requester.Id;
        return step.Kind switch
        {
            ProvisioningStepKind.AddToGroup when provisioner is not null =>
                () => provisioner.AddToGroupAsync(person, step.GroupId!, cancellationToken),
            ProvisioningStepKind.RemoveFromGroup when provisioner is not null =>
                () => provisioner.RemoveFromGroupAsync(person, step.GroupId!, cancellationToken),
            ProvisioningStepKind.AssignLicence when provisioner is not null =>
                () => provisioner.AssignLicenceAsync(person, step.SkuId!, step.DisabledPlans, cancellationToken),
            ProvisioningStepKind.Webhook when webhooks is not null =>
                () => webhooks.SendAsync(Delivery(request, step, index), cancellationToken),
            _ => null,
        };
    }

    /// <summary>The webhook of step <paramref name="index"/>: its idempotency key is the request's id and the step's number.</summary>
    public static WebhookDelivery Delivery(ServiceRequest request, ProvisioningStep step, int index) =>
        new(step.Url!, step.Secret!, $"{request.Id}-step-{index + 1}", new WebhookPayload(
            request.Id, index + 1, request.CatalogItemId, request.ItemName,
            new WebhookPerson(request.Requester.Id, request.Requester.Name), request.Fields));

    // Loads the stored request (the caller's copy may be stale) and saves the outcome only when it changed something.
    private async Task<ServiceRequest> RecordAsync(string requestId, Func<ServiceRequest, bool> change, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(requestId, cancellationToken)
            ?? throw new InvalidOperationException($"Request {requestId} disappeared from the store.");
        return await store.UpdateIfChangedAsync(current, change, cancellationToken);
    }
}
