using ChatRequests.Bot.Connector;

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

        return null;
    }
}
