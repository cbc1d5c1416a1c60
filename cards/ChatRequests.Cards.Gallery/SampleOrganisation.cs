using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Routing;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Workflow;
using ChatRequests.ReferenceData.Catalog;
using ChatRequests.Embedded.Organisation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Cards.Gallery;

/// <summary>
/// samples/catalog.json and samples/organisation.json, read with the bot's own loaders, and requests logged
/// against them the way the workflow logs them: validated form, approvers from the directory, owning team, SLA.
/// </summary>
internal sealed class SampleOrganisation(ICatalog catalog, IDirectory directory)
{
    // People of samples/organisation.json, by Entra object id.
    public const string Megan = "00000000-0000-0000-0000-0000000000a1";
    public const string Alex = "00000000-0000-0000-0000-0000000000a2";
    public const string Adele = "00000000-0000-0000-0000-0000000000a3";
    public const string Isaiah = "00000000-0000-0000-0000-0000000000d1";
    public const string Diego = "00000000-0000-0000-0000-0000000000e1";
    public const string Christie = "00000000-0000-0000-0000-0000000000f4";
    public const string Raul = "00000000-0000-0000-0000-0000000000d4";
    public const string Allan = "00000000-0000-0000-0000-0000000000e4";
    public const string Joni = "00000000-0000-0000-0000-0000000000e2";
    public const string Lynne = "00000000-0000-0000-0000-0000000000e3";
    public const string Grady = "00000000-0000-0000-0000-0000000000d2";
    public const string Lee = "00000000-0000-0000-0000-0000000000c4";
    public const string Patti = "00000000-0000-0000-0000-0000000000c1";

    public ICatalog Catalog => catalog;

    public IDirectory Directory => directory;

    /// <summary>Reads the samples copied beside the executable (see the project file).</summary>
    public static SampleOrganisation Load() => new(
        new JsonFileCatalog(Options.Create(new CatalogOptions()), NullLogger<JsonFileCatalog>.Instance),
        new JsonFileDirectory(Options.Create(new DirectoryOptions()), NullLogger<JsonFileDirectory>.Instance));

    public CatalogItem Item(string itemId) =>
        catalog.Find(itemId) ?? throw new InvalidOperationException($"samples/catalog.json has no item '{itemId}'.");

    public async Task<PersonRef> PersonAsync(string personId)
    {
        var person = await FindAsync(personId);
        return new PersonRef(person.Id, person.Name);
    }

    /// <summary>
    /// Logs a request as <c>RequestWorkflow.SubmitAsync</c> does, at a fixed time; the form must be valid.
    /// <paramref name="stages"/> changes the stages the directory gave (a policy the samples do not have: parallel,
    /// timed out); <paramref name="preAuthorisation"/> logs it with no approval, for that reason; <paramref name="provisioning"/>
    /// replaces the item's (steps the samples do not have); <paramref name="sensitiveFields"/> marks those of the item's
    /// fields sensitive (the samples have none).
    /// </summary>
    public async Task<ServiceRequest> SubmitAsync(
        string requestId, string requesterId, RequestForm form, DateTimeOffset at,
        Func<IReadOnlyList<ApprovalStage>, IReadOnlyList<ApprovalStage>>? stages = null, string? preAuthorisation = null,
        ProvisioningPlan? provisioning = null, IReadOnlyList<string>? sensitiveFields = null)
    {
        var item = Item(form.ItemId) is var sample && sensitiveFields is not null
            ? sample with { Fields = [.. sample.Fields.Select(f => f with { Sensitive = sensitiveFields.Contains(f.Id) })] }
            : Item(form.ItemId);
        var errors = RequestFormValidator.Validate(item, form);
        if (errors.Any)
        {
            throw new InvalidOperationException(
                $"The sample form for {requestId} is not valid: {string.Join(" ", errors.ByInput.Values)}");
        }

        var requester = await FindAsync(requesterId);
        var resolved = preAuthorisation is null ? await new ApproverResolver(directory).ResolveAsync(item, requester) : [];
        var approvals = stages is null ? resolved : stages(resolved);
        var team = TeamRouter.Route(item, await directory.ListTeamsAsync());
        var draft = new ServiceRequest.Draft(
            requestId,
            form.SubmissionKey,
            new PersonRef(requester.Id, requester.Name),
            item.Id,
            item.Name,
            item.Category,
            item.CostText,
            form.Justification!.Trim(),
            item.Fields
                .Where(f => !string.IsNullOrWhiteSpace(form.Fields.GetValueOrDefault(f.Id)))
                .ToDictionary(f => f.Id, f => form.Fields[f.Id]!.Trim()),
            PriorityMatrix.Assess(item.Impact, RequestFormValidator.ParseUrgency(form.Urgency)!.Value),
            team.Id,
            team.Name,
            SlaPolicy.TargetFor(item, at),
            approvals,
            provisioning ?? item.Provisioning,
            FieldLabel.Of(item),
            preAuthorisation,
            DeliversItem: item.Delivery);
        return ServiceRequest.Submit(draft, at);
    }

    private async Task<Person> FindAsync(string personId) =>
        await directory.FindPersonAsync(personId)
        ?? throw new InvalidOperationException($"samples/organisation.json has no person '{personId}'.");
}
