using System.Text;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Fulfilment;
using ChatRequests.Functions.Relay;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using FunctionsProgram = ChatRequests.Functions.Program;

namespace ChatRequests.Testing;

/// <summary>What the handler answered one invocation: the HTTP status and the documented response body.</summary>
public sealed record FunctionAnswer(int StatusCode, JsonObject Body)
{
    public JsonObject Outputs => Body["Outputs"]!.AsObject();

    public IReadOnlyList<string> Logs => [.. Body["Logs"]!.AsArray().Select(l => l!.GetValue<string>())];

    public JsonNode? ReturnValue => Body["ReturnValue"];
}

/// <summary>
/// The custom handler app (WebApplicationFactory) on the SQLite store with a fresh file, or on whatever store the
/// overrides name (a Cosmos DB stand-in database: <see cref="CosmosServer.HostSettings"/>), posting to a loopback fake of
/// the Teams connector. Tests play the Functions host: they POST its documented invocation payloads.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    public const int MaxDeliveryCount = 3;

    private readonly WebApplicationFactory<FunctionsProgram> _factory;
    private readonly string _dataFolder;
    private readonly bool _ownsConnector;

    private FunctionsApp(
        FakeTeamsConnector connector, bool ownsConnector, string dataFolder,
        IReadOnlyDictionary<string, string?>? overrides, Action<IServiceCollection>? services)
    {
        Connector = connector;
        _ownsConnector = ownsConnector;
        _dataFolder = dataFolder;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(dataFolder, "requests.db"),
            ["Catalog:Path"] = RepositoryPaths.Samples("catalog.json"),
            ["Directory:Path"] = RepositoryPaths.Samples("organisation.json"),
            ["Bot:DefaultServiceUrl"] = connector.ServiceUrl,
            ["Bot:TenantId"] = connector.TenantId,
            ["Bot:BotId"] = TeamsDriver.BotId,
            ["Connector:MaxRetryAttempts"] = "1",
            ["Connector:BaseDelay"] = "00:00:00.010",
            ["Connector:MaxDelay"] = "00:00:00.050",
            ["Functions:MaxDeliveryCount"] = MaxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            // Required on Cosmos DB; nothing connects to it: the sender is the double.
            ["ServiceBus:FullyQualifiedNamespace"] = "chatrequests-tests.servicebus.windows.net",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        _factory = new WebApplicationFactory<FunctionsProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<ServiceBusSender>(Queue)));
            if (services is not null)
            {
                web.ConfigureServices(services);
            }
        });
        Http = _factory.CreateClient();
    }

    public FakeTeamsConnector Connector { get; }

    /// <summary>The fulfilment queue's sender: what RelayOutbox sent and RunFulfilmentStep scheduled.</summary>
    public RecordingServiceBusSender Queue { get; } = new();

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public IRequestStore Store => Services.GetRequiredService<IRequestStore>();

    /// <param name="services">Replaces services, for failures only a broken dependency can cause.</param>
    /// <param name="overrides">Configuration on top of the test defaults (the store, the directory).</param>
    /// <param name="connector">A Teams connector shared with a bot under test; by default one of its own.</param>
    public static async Task<FunctionsApp> StartAsync(
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        FakeTeamsConnector? connector = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-functions-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        return new FunctionsApp(connector ?? await FakeTeamsConnector.StartAsync(), connector is null, dataFolder, overrides, services);
    }

    /// <summary>POST /&lt;functionName&gt; with the payload, as the Functions host does.</summary>
    public async Task<FunctionAnswer> InvokeAsync(string functionName, JsonObject payload)
    {
        using var content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/" + functionName, content);
        var body = await response.Content.ReadAsStringAsync();
        return new FunctionAnswer((int)response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>Logs a request from Megan for a laptop: with Alex as approver it raises ApprovalRequested, else Approved.</summary>
    /// <param name="fallbacks">Where Alex's stage goes when he cannot decide it (none by default).</param>
    public async Task<ServiceRequest> SubmitAsync(bool needsApproval = true, DateTimeOffset? dueAt = null, IReadOnlyList<StageRoute>? fallbacks = null)
    {
        var now = DateTimeOffset.UtcNow;
        var key = Guid.NewGuid().ToString("N");
        var number = await Store.ReserveNumberAsync(key);
        var stages = needsApproval
            ? new[] { new ApprovalStage("Manager", [new PersonRef(Persona.Alex.AadObjectId, Persona.Alex.Name)]) { Fallbacks = fallbacks ?? [] } }
            : [];
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(number),
                key,
                new PersonRef(Persona.Megan.AadObjectId, Persona.Megan.Name),
                "laptop-standard",
                "Standard laptop",
                "Hardware",
                null,
                "My laptop is five years old.",
                new Dictionary<string, string>(),
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-hardware",
                "Hardware Service",
                dueAt ?? now.AddHours(40),
                stages),
            now);
        await Store.CreateAsync(request);
        return (await Store.GetAsync(request.Id))!;
    }

    /// <summary>
    /// Logs a request from Megan for the Finance reports whose approval is already done: it raises Approved and
    /// ProvisioningRequested (add her to <paramref name="provisioning"/>'s group).
    /// </summary>
    public async Task<ServiceRequest> SubmitApprovedWithProvisioningAsync(ProvisioningPlan provisioning)
    {
        var now = DateTimeOffset.UtcNow;
        var key = Guid.NewGuid().ToString("N");
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(await Store.ReserveNumberAsync(key)),
                key,
                new PersonRef(Persona.Megan.AadObjectId, Persona.Megan.Name),
                "finance-share-read",
                "Finance reports reader",
                "Access",
                null,
                "I prepare the monthly reporting pack.",
                new Dictionary<string, string> { ["department"] = "Marketing" },
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-identity",
                "Identity & Access",
                now.AddHours(8),
                [],
                provisioning),
            now);
        await Store.CreateAsync(request);
        return (await Store.GetAsync(request.Id))!;
    }

    /// <summary>
    /// The request's document as the Cosmos DB change feed hands it over: the raw JSON the store wrote, with the server's
    /// system properties. Only on the Cosmos DB store (the change feed is Cosmos DB's).
    /// </summary>
    public Task<JsonObject> DocumentAsync(string requestId) => RawDocuments.ReadAsync(RawDocuments.RequestsContainer(Services), requestId);

    /// <summary>Every document of the requests container (requests, submission claims, the counter), raw.</summary>
    public Task<IReadOnlyList<JsonObject>> AllDocumentsAsync() => RawDocuments.ReadAllAsync(RawDocuments.RequestsContainer(Services));

    /// <summary>
    /// Plays the Functions host on Azure once: the change feed hands every document of the requests container to
    /// RelayOutbox, and each queue message it emits is delivered to RunFulfilmentStep. Returns the step outcomes.
    /// </summary>
    public async Task<IReadOnlyList<string>> RelayAndRunStepsAsync()
    {
        var before = Queue.Sent.Count;
        await InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments([.. await AllDocumentsAsync()]));
        var outcomes = new List<string>();
        foreach (var message in Queue.Sent.Skip(before))
        {
            var step = await InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(message));
            outcomes.Add($"{step.StatusCode} {step.ReturnValue}");
        }

        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        if (_ownsConnector)
        {
            await Connector.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
