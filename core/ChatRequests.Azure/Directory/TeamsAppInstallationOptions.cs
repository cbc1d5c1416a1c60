namespace ChatRequests.Azure.Graph;

/// <summary>The bot's Teams app, for installing it for people the bot must reach and has never talked to.</summary>
public sealed class TeamsAppInstallationOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// The app's id in the organisation's Teams app catalog (Teams admin centre, or GET /appCatalogs/teamsApps?$filter=
    /// externalId eq '&lt;manifest id&gt;'); not the manifest id. Empty: the bot installs nothing, and a person without a
    /// chat with it cannot be reached.
    /// </summary>
    public string? AppCatalogId { get; set; }
}
