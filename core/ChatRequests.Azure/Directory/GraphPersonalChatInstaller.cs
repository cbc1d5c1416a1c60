using ChatRequests.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace ChatRequests.Azure.Graph;

/// <summary>
/// Installs the bot's Teams app for a person through Microsoft Graph, as Company Communicator does: POST
/// /users/{id}/teamwork/installedApps with the catalog id (409: installed already), then the installation's id
/// (installedApps?$expand=teamsApp&amp;$filter=teamsApp/id eq '...') and its chat (installedApps/{id}/chat), whose id
/// the bot posts to. Needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All.
/// Throttling is retried by the Graph client's retry handler; what is still failing after it is transient.
/// </summary>
public sealed class GraphPersonalChatInstaller(
    GraphServiceClient graph, IOptions<TeamsAppInstallationOptions> options, ILogger<GraphPersonalChatInstaller> logger)
    : IPersonalChatInstaller
{
    public async Task<string?> InstallAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var catalogId = options.Value.AppCatalogId
            ?? throw new InvalidOperationException("Teams:AppCatalogId is not set, so the app cannot be installed.");
        var installedApps = graph.Users[personId].Teamwork.InstalledApps;
        try
        {
            await InstallOnceAsync(installedApps, catalogId, personId, cancellationToken);
            var installations = await GraphCalls.RetriedAsync("reading the app installation", () =>
                installedApps.GetAsync(r =>
                {
                    r.QueryParameters.Expand = ["teamsApp"];
                    r.QueryParameters.Filter = $"teamsApp/id eq '{catalogId}'";
                }, cancellationToken));
            var installationId = installations?.Value?.FirstOrDefault()?.Id
                ?? throw new RecipientUnreachableException(personId, "the Teams app is not installed for them after installing it");
            var chat = await GraphCalls.RetriedAsync("reading the chat of the app installation", () =>
                installedApps[installationId].Chat.GetAsync(cancellationToken: cancellationToken));
            return chat?.Id ?? throw new RecipientUnreachableException(personId, "the app installation has no chat");
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            // No such person, a blocked app, a missing consent: asking again will not change the answer.
            throw new RecipientUnreachableException(personId, $"Teams app installation refused: {error.ResponseStatusCode} {error.Error?.Code}", error);
        }
    }

    private async Task InstallOnceAsync(
        Microsoft.Graph.Users.Item.Teamwork.InstalledApps.InstalledAppsRequestBuilder installedApps, string catalogId, string personId,
        CancellationToken cancellationToken)
    {
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{catalogId}",
            },
        };
        try
        {
            await GraphCalls.RetriedAsync("installing the Teams app", () => installedApps.PostAsync(installation, cancellationToken: cancellationToken));
            logger.LogInformation("Installed the Teams app for {PersonId}", personId);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 409)
        {
            logger.LogInformation("The Teams app is already installed for {PersonId}", personId);
        }
    }
}
