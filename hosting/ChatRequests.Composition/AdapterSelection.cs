using ChatRequests.Azure.Fulfilment;
using ChatRequests.Azure.Graph;
using ChatRequests.Azure.Storage;
using ChatRequests.Azure.Understanding;
using ChatRequests.Core.Configuration;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Embedded;
using ChatRequests.Embedded.Storage;
using ChatRequests.Encoder;
using ChatRequests.ReferenceData;
using ChatRequests.Teams.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatRequests.Composition;

/// <summary>Which host is being composed: the selection differs only in who runs fulfilment.</summary>
public enum AdapterHost
{
    /// <summary>The Teams bot: runs fulfilment itself when <c>Fulfilment:Mode</c> is InProcess.</summary>
    Bot,

    /// <summary>The Functions app: fulfilment is its queue-triggered function, never an in-process relay.</summary>
    Functions,
}

/// <summary>
/// The one place both hosts choose their adapters from configuration (<see cref="AdapterChoice"/>): the store
/// (SQLite or Cosmos DB), the directory (JSON file or Microsoft Graph) and, for the bot, in-process fulfilment or none
/// (the Functions app's), and for the bot how messages are read (the words alone, or with an Azure OpenAI model). The
/// catalog is the JSON file in every mode, deployed with the app, and is checked against the chosen directory as the
/// host starts.
/// </summary>
public static class AdapterSelection
{
    /// <summary>
    /// Registers the adapters the configuration names; throws, naming the key, when it names none. Keys of the old
    /// spelling <c>Fulfillment:</c> are read as <c>Fulfilment:</c>, with a warning (<see cref="RenamedConfigurationKeys"/>).
    /// </summary>
    public static AdapterChoice AddSelectedAdapters(this IHostApplicationBuilder builder, AdapterHost host)
    {
        RenamedConfigurationKeys.CarryOverOldSpelling(builder);
        var choice = AdapterChoice.Read(builder.Configuration);
        if (host == AdapterHost.Bot && choice.Fulfilment == FulfilmentMode.ServiceBus && choice.Storage != StorageProvider.Cosmos)
        {
            throw new ConfigurationRefusedException(
                $"{AdapterChoice.FulfilmentKey} is {nameof(FulfilmentMode.ServiceBus)}, which needs {AdapterChoice.StorageKey} "
                + $"{nameof(StorageProvider.Cosmos)}: the Functions app relays the outbox from the Cosmos DB change feed, and "
                + $"nothing would relay a SQLite outbox. Use {nameof(FulfilmentMode.InProcess)} with SQLite.");
        }

        var services = builder.Services;
        services.AddSingleton(choice);
        AddStore(services, choice);

        services.AddJsonCatalog();
        if (choice.Directory == DirectoryProvider.Graph)
        {
            services.AddGraphDirectory();
        }
        else
        {
            services.AddJsonDirectory();
        }

        if (host == AdapterHost.Bot && choice.Fulfilment == FulfilmentMode.InProcess)
        {
            services.AddInProcessFulfilment();
            if (choice.Storage == StorageProvider.Sqlite)
            {
                // One process sends every update of its cards (a SQLite file has one bot), so it knows what each shows.
                services.AddUnchangedUpdateSkipping();
            }
        }
        else
        {
            // The change feed sees every saved change by itself; nothing in this process needs waking.
            services.TryAddSingleton<IRelaySignal, NoRelaySignal>();
        }

        if (host == AdapterHost.Functions)
        {
            AddFulfilmentQueue(services, choice);
        }

        // Only the bot reads what people type; without this, messages are read lexically (AddRequestWorkflow).
        if (host == AdapterHost.Bot)
        {
            // The words and, unless Intake:Encoder:Enabled is false, the sentence encoder (ADR 0038, 0041, 0044).
            services.AddSentenceEncoder();
            if (choice.Storage == StorageProvider.Sqlite)
            {
                // The slim model is kept beside the data the operator already keeps (ADR 0044).
                services.AddOptions<SentenceEncoderOptions>().PostConfigure<IOptions<EmbeddedStorageOptions>>((encoder, storage) =>
                    encoder.CacheFolder ??= SentenceEncoderOptions.CacheFolderBeside(Path.GetDirectoryName(Path.GetFullPath(storage.Value.SqlitePath))!));
            }
        }

        if (host == AdapterHost.Bot && choice.Intake == IntakeProvider.AzureOpenAI)
        {
            services.AddAzureOpenAIIntake();
        }

        return choice;
    }

    /// <summary>
    /// Only the store the configuration names (<c>Storage:Provider</c>, and its own keys), for tools that read the whole
    /// store (the audit check) and run neither turns nor fulfilment.
    /// </summary>
    public static AdapterChoice AddSelectedStore(this IHostApplicationBuilder builder)
    {
        var choice = AdapterChoice.Read(builder.Configuration);
        AddStore(builder.Services, choice);
        return choice;
    }

    /// <summary>
    /// The Functions app sends the fulfilment queue's messages itself (RelayOutbox, and RunFulfilmentStep's rescheduled
    /// retries). On Cosmos DB, where the change feed triggers RelayOutbox, the namespace must be set; a local run on SQLite
    /// has no change feed and may leave it out.
    /// </summary>
    private static void AddFulfilmentQueue(IServiceCollection services, AdapterChoice choice)
    {
        services.AddFulfilmentQueue();
        if (choice.Storage == StorageProvider.Cosmos)
        {
            services.AddOptions<FulfilmentQueueOptions>()
                .Validate(
                    o => !string.IsNullOrWhiteSpace(o.FullyQualifiedNamespace),
                    $"{FulfilmentQueueOptions.SectionName}:fullyQualifiedNamespace is required with {AdapterChoice.StorageKey} Cosmos: RelayOutbox sends the fulfilment queue's messages.")
                .ValidateOnStart();
        }
    }

    private static void AddStore(IServiceCollection services, AdapterChoice choice)
    {
        if (choice.Storage == StorageProvider.Cosmos)
        {
            services.AddCosmosStore();
        }
        else
        {
            services.AddSqliteStore();
        }
    }

    private sealed class NoRelaySignal : IRelaySignal
    {
        public void Wake()
        {
        }
    }
}
