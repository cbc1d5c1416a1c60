using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Azure.Storage;

/// <summary>Where the Azure deployment keeps its documents: one Cosmos DB account and database.</summary>
public sealed class CosmosOptions
{
    public const string SectionName = "Cosmos";

    /// <summary>The account endpoint, e.g. https://chatrequests.documents.azure.com:443/.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    [Required]
    public string Database { get; set; } = "chatrequests";

    /// <summary>Requests, their submission-key claims and the request-number counter; partition key /id.</summary>
    [Required]
    public string RequestsContainer { get; set; } = "requests";

    /// <summary>Conversation references and the ledger of posted messages; partition key /id.</summary>
    [Required]
    public string MessagingContainer { get; set; } = "messaging";

    /// <summary>Change feed leases of the outbox relay (Functions app); not written by the stores.</summary>
    [Required]
    public string LeasesContainer { get; set; } = "leases";

    /// <summary>
    /// Tests only: sign in with the well-known emulator key instead of Entra ID, and accept a self-signed
    /// certificate when the endpoint is a loopback address. Production uses DefaultAzureCredential.
    /// </summary>
    public bool UseEmulatorKey { get; set; }

    /// <summary>
    /// The longest one call to Cosmos DB may take, the SDK's retries of 429s included, before it fails (and the turn says
    /// sorry, or the relay tries again later). In gateway mode the SDK itself waits over a minute for an answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Creates the database and containers when missing (tests, first deployment without Bicep).</summary>
    public bool CreateIfMissing { get; set; }
}
