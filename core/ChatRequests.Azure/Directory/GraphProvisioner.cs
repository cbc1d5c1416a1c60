using ChatRequests.Core.Provisioning;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace ChatRequests.Azure.Graph;

/// <summary>
/// <see cref="IProvisioner"/> over Microsoft Graph: POST /groups/{id}/members/$ref with the app permission
/// GroupMember.ReadWrite.All. Throttling is retried by the Graph client's retry handler, like the directory's reads.
/// </summary>
public sealed class GraphProvisioner(GraphServiceClient graph, ILogger<GraphProvisioner> logger) : IProvisioner
{
    // Graph's answer when the person is a member already (400 Request_BadRequest): what we wanted is true.
    private const string AlreadyMember = "added object references already exist";

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
        catch (ODataError error) when (error.ResponseStatusCode == 400
            && error.Error?.Message?.Contains(AlreadyMember, StringComparison.OrdinalIgnoreCase) == true)
        {
            logger.LogInformation("{PersonId} is already a member of Entra group {GroupId}", personId, groupId);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            // No permission on the group (a role-assignable group, a missing consent), or no such group or person:
            // asking again will not change the answer.
            throw new ProvisioningRefusedException(
                $"Microsoft Graph refused to add the member ({error.ResponseStatusCode} {error.Error?.Code})", error);
        }
    }
}
