using System.Net;
using Azure.Identity;
using ChatRequests.Core.Storage;
using Microsoft.Azure.Cosmos;

namespace ChatRequests.Azure.Storage;

/// <summary>Builds the one <see cref="CosmosClient"/> of the process (thread-safe, meant to be a singleton).</summary>
public static class CosmosClientFactory
{
    /// <summary>The Cosmos DB emulator's published key; not a secret, and only accepted by local stand-ins.</summary>
    private const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public static CosmosClient Create(CosmosOptions options)
    {
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Cosmos:Endpoint is not set.");
        var clientOptions = new CosmosClientOptions
        {
            // Documents are written with the same JSON shape as every other store adapter.
            UseSystemTextJsonSerializerWithOptions = RequestJson.Options,
            ApplicationName = "ChatRequests",
        };

        if (!options.UseEmulatorKey)
        {
            return new CosmosClient(endpoint.ToString(), new DefaultAzureCredential(), clientOptions);
        }

        clientOptions.ConnectionMode = ConnectionMode.Gateway;
        clientOptions.LimitToEndpoint = true;
        if (IsLoopback(endpoint))
        {
            clientOptions.HttpClientFactory = () => new HttpClient(LoopbackHandler(), disposeHandler: true);
        }

        return new CosmosClient(endpoint.ToString(), EmulatorKey, clientOptions);
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));

    // Local stand-ins use self-signed certificates; accept one only from this machine, never from elsewhere.
    private static HttpClientHandler LoopbackHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (request, _, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || IsLoopbackHost(request.RequestUri?.Host),
    };

    private static bool IsLoopbackHost(string? host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
