using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Teams.Notifications;

/// <summary>How the bot reaches people it has not heard from yet.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// The Bot Connector service URL used to open a conversation when none is remembered yet for the tenant
    /// (Teams' global one by default; tests point it at their loopback connector).
    /// </summary>
    [Required, Url]
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>The bot's channel account id (28:&lt;app id&gt;) used when opening conversations; learnt from inbound activities when empty.</summary>
    public string? BotId { get; set; }

    /// <summary>The tenant to open conversations in when none is remembered.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The Microsoft 365 tenants the bot serves; activities from any other tenant are refused (403). Empty: any
    /// tenant (the Teams app's own availability decides who can reach the bot).
    /// </summary>
    public string[] AllowedTenants { get; set; } = [];
}
