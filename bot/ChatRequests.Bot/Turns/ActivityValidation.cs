using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Turns;

/// <summary>Checks that an inbound activity has what the Bot Connector protocol promises before any work is done.</summary>
public static class ActivityValidation
{
    /// <summary>The reason the activity is malformed, or null when it can be processed.</summary>
    public static string? FindProblem(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity has no valid serviceUrl.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation id.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no sender (from.id).";
        }

        return FindTenantProblem(activity.ChannelData);
    }

    /// <summary>
    /// channelData is free-form JSON, but the tenant in it decides who is served: Teams always sends
    /// {"tenant":{"id":"..."}}, so any other shape is refused rather than read as "no tenant" (which would let
    /// conversation.tenantId speak instead). A null tenant or id is the same as none.
    /// </summary>
    private static string? FindTenantProblem(JsonObject? channelData)
    {
        var tenant = UntypedJson.At(channelData, "tenant");
        if (tenant is null)
        {
            return null;
        }

        if (tenant is not JsonObject)
        {
            return $"channelData.tenant must be an object, was {UntypedJson.KindOf(tenant)}.";
        }

        var id = UntypedJson.At(tenant, "id");
        return id is null || (id is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            ? null
            : $"channelData.tenant.id must be a string, was {UntypedJson.KindOf(id)}.";
    }
}
