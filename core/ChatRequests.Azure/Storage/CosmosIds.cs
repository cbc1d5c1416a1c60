using System.Buffers.Text;
using System.Text;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// Document ids made from our keys. Cosmos DB ids may not contain '/', '\', '?' or '#', and message keys
/// contain '/', so a key is stored base64url-encoded behind a prefix naming the kind of document.
/// </summary>
internal static class CosmosIds
{
    public static string For(string kind, string key) => kind + ":" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));
}
