namespace ChatRequests.Teams.Connector;

/// <summary>
/// The Bot Connector REST API v3 routes, relative to the conversation's serviceUrl (which may carry a path such
/// as "/teams/" or "/amer/", with or without the trailing slash). Ids are escaped: Teams ids contain ':', ';',
/// '@' and '=' ("19:...@thread.tacv2;messageid=...").
/// </summary>
internal static class ConnectorRoutes
{
    public static Uri Conversations(string serviceUrl) => Build(serviceUrl, "v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        Build(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        Build(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static Uri Build(string serviceUrl, string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        // String concatenation, not new Uri(base, relative): the latter drops the last path segment of a base
        // without a trailing slash (".../teams" + "v3/..." would lose "teams").
        return new Uri(serviceUrl.TrimEnd('/') + "/" + relative, UriKind.Absolute);
    }
}
