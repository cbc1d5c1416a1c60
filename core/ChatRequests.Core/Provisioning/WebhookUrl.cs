using System.Net;

namespace ChatRequests.Core.Provisioning;

/// <summary>
/// Where a webhook may post: an absolute https URL, or http to 127.0.0.1 only (a loopback receiver in tests), so that
/// the request's data and its signature never travel in clear text. The catalog check and the sender both ask.
/// </summary>
public static class WebhookUrl
{
    /// <summary>Why <paramref name="url"/> is not allowed; null when it is.</summary>
    public static string? Problem(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "is not an absolute https URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "carries a user name or password; the signature proves who sends";
        }

        return uri.Scheme == "http" && !(IPAddress.TryParse(uri.Host, out var address) && address.Equals(IPAddress.Loopback))
            ? "uses http; https is required (http only to 127.0.0.1, for tests)"
            : null;
    }
}
