using ChatRequests.Core.Provisioning;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.AssignLicense;

namespace ChatRequests.Azure.Graph;

/// <summary>
/// <see cref="IProvisioner"/> over Microsoft Graph: group members (POST and DELETE /groups/{id}/members/$ref, app
/// permission GroupMember.ReadWrite.All) and licences (POST /users/{id}/assignLicense, User.ReadWrite.All). Throttling
/// is retried by the Graph client's retry handler, like the directory's reads.
/// </summary>
public sealed class GraphProvisioner(GraphServiceClient graph, ILogger<GraphProvisioner> logger) : IProvisioner
{
    // Graph's answer when the person is a member already (400 Request_BadRequest): what we wanted is true.
    private const string AlreadyMember = "added object references already exist";

    // Graph's answer when the person is not a member (404 Request_ResourceNotFound): what we wanted is true. A missing
    // group or person is also a 404, with "Resource '...' does not exist": that one is refused.
    private const string NotAMember = "removed object references do not exist";

    public async Task AddToGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var member = new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{personId}" };
        try
        {
            await GraphCalls.RetriedAsync("the group membership change", () =>
                graph.Groups[groupId].Members.Ref.PostAsync(member, cancellationToken: cancellationToken));
            logger.LogInformation("Added {PersonId} to Entra group {GroupId}", personId, groupId);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 400 && Says(error, AlreadyMember))
        {
            logger.LogInformation("{PersonId} is already a member of Entra group {GroupId}", personId, groupId);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            // No permission on the group (a role-assignable group, a missing consent), or no such group or person:
            // asking again will not change the answer.
            throw Refused("add the member", error);
        }
    }

    public async Task RemoveFromGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        try
        {
            await GraphCalls.RetriedAsync("the group membership change", () =>
                graph.Groups[groupId].Members[personId].Ref.DeleteAsync(cancellationToken: cancellationToken));
            logger.LogInformation("Removed {PersonId} from Entra group {GroupId}", personId, groupId);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404 && Says(error, NotAMember))
        {
            logger.LogInformation("{PersonId} is not a member of Entra group {GroupId} (any more)", personId, groupId);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 400 or 403 or 404)
        {
            // A dynamic group, no permission, no such group or person.
            throw Refused("remove the member", error);
        }
    }

    public async Task AssignLicenceAsync(
        string personId, string skuId, IReadOnlyList<string> disabledPlans, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var body = new AssignLicensePostRequestBody
        {
            // Assigning a licence the person has already sets its disabled plans again and answers 200: idempotent.
            AddLicenses = [new AssignedLicense { SkuId = Guid.Parse(skuId), DisabledPlans = [.. disabledPlans.Select(p => (Guid?)Guid.Parse(p))] }],
            RemoveLicenses = [],
        };
        try
        {
            await GraphCalls.RetriedAsync("the licence assignment", () =>
                graph.Users[personId].AssignLicense.PostAsync(body, cancellationToken: cancellationToken));
            logger.LogInformation("Assigned {PersonId} the licence {SkuId}", personId, skuId);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 400 or 403 or 404)
        {
            // No licences left, no usage location, an unknown SKU (400); no permission; no such person.
            throw Refused("assign the licence", error);
        }
    }

    private static bool Says(ODataError error, string text) =>
        error.Error?.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static ProvisioningRefusedException Refused(string what, ODataError error) =>
        new($"Microsoft Graph refused to {what} ({error.ResponseStatusCode} {error.Error?.Code})", error);
}
