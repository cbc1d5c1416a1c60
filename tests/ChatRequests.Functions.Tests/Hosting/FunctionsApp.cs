using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Functions.Tests.Hosting;

/// <summary>What the handler answered one invocation: the HTTP status and the documented response body.</summary>
public sealed record FunctionAnswer(int StatusCode, JsonObject Body)
{
    public JsonObject Outputs => Body["Outputs"]!.AsObject();

    public IReadOnlyList<string> Logs => [.. Body["Logs"]!.AsArray().Select(l => l!.GetValue<string>())];

    public JsonNode? ReturnValue => Body["ReturnValue"];
}

/// <summary>
/// The custom handler app (WebApplicationFactory) on the SQLite store with a fresh file, posting to a loopback fake of
/// the Teams connector. Tests play the Functions host: they POST its documented invocation payloads.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    public const int MaxDeliveryCount = 3;

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _dataFolder;

    private FunctionsApp(
        FakeTeamsConnector connector, string dataFolder, Action<IServiceCollection>? services, IReadOnlyDictionary<string, string?>? overrides)
    {
        Connector = connector;
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
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            if (services is not null)
            {
                web.ConfigureServices(services);
            }
        });
        Http = _factory.CreateClient();
    }

    public FakeTeamsConnector Connector { get; }


    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public IRequestStore Store => Services.GetRequiredService<IRequestStore>();

    /// <param name="services">Replaces services, for failures only a broken dependency can cause.</param>
    /// <param name="overrides">Configuration on top of the test defaults.</param>
    public static async Task<FunctionsApp> StartAsync(
        Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var connector = await FakeTeamsConnector.StartAsync();
        var dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-functions-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        return new FunctionsApp(connector, dataFolder, services, overrides);
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
    public async Task<ServiceRequest> SubmitAsync(bool needsApproval = true, DateTimeOffset? dueAt = null)
    {
        var now = DateTimeOffset.UtcNow;
        var number = await Store.NextNumberAsync();
        var stages = needsApproval
            ? new[] { new ApprovalStage("Manager", [new PersonRef(Persona.Alex.AadObjectId, Persona.Alex.Name)]) }
            : [];
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(number),
                Guid.NewGuid().ToString("N"),
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

    /// <summary>The stored request as the Cosmos DB change feed would hand it over: the document JSON.</summary>
    public async Task<JsonObject> DocumentAsync(string requestId) =>
        JsonSerializer.SerializeToNode(await Store.GetAsync(requestId), RequestJson.Options)!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
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
