using ChatRequests.Core.Configuration;
using Microsoft.Extensions.Configuration;
namespace ChatRequests.Composition;

/// <summary>Where requests, conversations and the message ledger are kept.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file (<c>Storage:SqlitePath</c>): the embedded default.</summary>
    Sqlite,

    /// <summary>Azure Cosmos DB (section <c>Cosmos</c>).</summary>
    Cosmos,
}

/// <summary>Where people, managers and the members of teams and approver groups come from.</summary>
public enum DirectoryProvider
{
    /// <summary>The organisation JSON file (<c>Directory:Path</c>): the embedded default.</summary>
    File,

    /// <summary>Microsoft Graph, with teams and approver groups defined under <c>Directory:Teams</c> / <c>Directory:ApproverGroups</c>.</summary>
    Graph,
}

/// <summary>Who works the outbox events (cards, notices, routing).</summary>
public enum FulfilmentMode
{
    /// <summary>The bot, with its in-process relay: the embedded default.</summary>
    InProcess,

    /// <summary>The Functions app: Cosmos DB change feed to a Service Bus queue to RunFulfilmentStep. The bot only writes the outbox.</summary>
    ServiceBus,
}

/// <summary>How the bot reads what people type.</summary>
public enum IntakeProvider
{
    /// <summary>The words alone, against the catalog (no network): the default, and what the model falls back to.</summary>
    Lexical,

    /// <summary>The words, plus item similarity from an Azure OpenAI embedding deployment (section <c>Intake:AzureOpenAI</c>).</summary>
    AzureOpenAI,
}

/// <summary>
/// The adapters a host runs on, read from <c>Storage:Provider</c>, <c>Directory:Provider</c>, <c>Fulfilment:Mode</c> and
/// <c>Intake:Provider</c>.
/// Values are matched ignoring case; a missing or empty key means the embedded default. Anything else stops the host
/// with a message naming the key and the values it allows.
/// </summary>
public sealed record AdapterChoice(
    StorageProvider Storage, DirectoryProvider Directory, FulfilmentMode Fulfilment, IntakeProvider Intake = IntakeProvider.Lexical)
{
    public const string StorageKey = "Storage:Provider";
    public const string DirectoryKey = "Directory:Provider";
    public const string FulfilmentKey = "Fulfilment:Mode";
    public const string CosmosEndpointKey = "Cosmos:Endpoint";
    public const string IntakeKey = "Intake:Provider";
    public const string AzureOpenAIEndpointKey = "Intake:AzureOpenAI:Endpoint";

    public static AdapterChoice Read(IConfiguration configuration)
    {
        var choice = new AdapterChoice(
            Parse<StorageProvider>(configuration, StorageKey),
            Parse<DirectoryProvider>(configuration, DirectoryKey),
            Parse<FulfilmentMode>(configuration, FulfilmentKey),
            Parse<IntakeProvider>(configuration, IntakeKey));

        if (choice.Storage == StorageProvider.Cosmos)
        {
            RequireAbsoluteUrl(configuration, CosmosEndpointKey, "https://<account>.documents.azure.com:443/",
                $"{StorageKey} is {nameof(StorageProvider.Cosmos)}", $"remove {StorageKey} to use the SQLite file");
        }

        if (choice.Intake == IntakeProvider.AzureOpenAI)
        {
            RequireAbsoluteUrl(configuration, AzureOpenAIEndpointKey, "https://<account>.openai.azure.com/",
                $"{IntakeKey} is {nameof(IntakeProvider.AzureOpenAI)}", $"remove {IntakeKey} to read messages from their words alone");
        }

        return choice;
    }

    public override string ToString() =>
        $"{StorageKey}={Storage}, {DirectoryKey}={Directory}, {FulfilmentKey}={Fulfilment}, {IntakeKey}={Intake}";

    private static void RequireAbsoluteUrl(IConfiguration configuration, string key, string example, string because, string orElse)
    {
        var endpoint = configuration[key];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new ConfigurationRefusedException(
                $"{because} but {key} is not set: set it to the account endpoint ({example}), or {orElse}.");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new ConfigurationRefusedException($"{key} '{endpoint}' is not an absolute URL (like {example}).");
        }
    }

    private static T Parse<T>(IConfiguration configuration, string key)
        where T : struct, Enum
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return default;
        }

        // By name only: Enum.TryParse would also take "1" or "0, 1".
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<T>(name)
            : throw new ConfigurationRefusedException(
                $"{key} '{value}' is not a known value; use one of: {string.Join(", ", Enum.GetNames<T>())} (default {default(T)}).");
    }
}
