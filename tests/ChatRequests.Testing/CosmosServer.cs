using System.Diagnostics;
using System.Net.Http.Json;
using ChatRequests.Azure.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChatRequests.Testing;

/// <summary>
/// A real Cosmos DB wire-protocol server for the tests (npm @vercel/cosmosdb-server behind the harness in
/// CosmosServer/), on a port the OS picks, stopped by its PID. Installs its npm packages itself (npm ci) on a clean
/// machine. The one xunit fixture for every test project that needs Cosmos DB: each shares it through a collection
/// named <see cref="Collection"/> (xunit looks for collection definitions only in the test assembly itself).
/// </summary>
public sealed class CosmosServer : IAsyncLifetime
{
    /// <summary>The name of the test collection that shares one server.</summary>
    public const string Collection = "Cosmos DB server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private Process? _server;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = HarnessFolder();
        await InstallOnceAsync(folder);

        _server = Process.Start(new ProcessStartInfo("node", ["server.mjs", "0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start.");
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginErrorReadLine();

        var port = await ReadPortAsync(_server);
        Endpoint = new Uri($"https://127.0.0.1:{port}/");
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(5000);
        }

        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The configuration keys a host reads to use a database of its own on this server (<c>Storage:Provider=Cosmos</c>
    /// and the <c>Cosmos</c> section), as an operator would set them.
    /// </summary>
    public Dictionary<string, string?> HostSettings(string database) => new()
    {
        ["Storage:Provider"] = "Cosmos",
        ["Cosmos:Endpoint"] = Endpoint.ToString(),
        ["Cosmos:Database"] = database,
        ["Cosmos:UseEmulatorKey"] = "true",
        ["Cosmos:CreateIfMissing"] = "true",
    };

    /// <summary>
    /// Makes the server answer the next document operations on <paramref name="database"/> with the fault (the server's
    /// control route; other databases are not affected).
    /// </summary>
    public async Task InjectFaultAsync(string database, CosmosFault fault)
    {
        using var http = ControlClient();
        using var response = await http.PostAsJsonAsync("_faults", new
        {
            database,
            status = fault.Status,
            count = fault.Count,
            retryAfterMs = (int)fault.RetryAfter.TotalMilliseconds,
            delayMs = (int)fault.Delay.TotalMilliseconds,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Ends the faults of <paramref name="database"/> that are left.</summary>
    public async Task ClearFaultsAsync(string database)
    {
        using var http = ControlClient();
        using var response = await http.DeleteAsync("_faults?database=" + Uri.EscapeDataString(database));
        response.EnsureSuccessStatusCode();
    }

    // The server's certificate is self-signed, and it listens on loopback only.
    private HttpClient ControlClient() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    {
        BaseAddress = Endpoint,
    };

    /// <summary>Options for a database of its own, so that every test starts from empty containers.</summary>
    public CosmosOptions FreshDatabase() => new()
    {
        Endpoint = Endpoint,
        Database = "test-" + Guid.NewGuid().ToString("N"),
        UseEmulatorKey = true,
        CreateIfMissing = true,
    };

    /// <summary>A client and containers as production builds them, over the given database.</summary>
    public (CosmosClient Client, CosmosContainers Containers) Connect(CosmosOptions options)
    {
        var client = CosmosClientFactory.Create(options);
        return (client, new CosmosContainers(client, Options.Create(options), NullLogger<CosmosContainers>.Instance));
    }

    /// <summary>
    /// Runs npm ci in the harness folder when its packages are missing. Test projects run in parallel processes, and each
    /// starts its own server: a machine-wide lock makes one of them install while the others wait, so that none starts
    /// node over a node_modules another npm ci is still writing (or deleting).
    /// </summary>
    private static async Task InstallOnceAsync(string folder)
    {
        // Named after the folder with a stable hash (string.GetHashCode differs from process to process).
        var folderHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"chatrequests-cosmos-npm-{folderHash}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        FileStream? held = null;
        while (held is null)
        {
            try
            {
                // .NET takes an exclusive advisory lock for FileShare.None, which another process's open respects.
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        await using (held)
        {
            if (!File.Exists(Path.Combine(folder, "node_modules", "@vercel", "cosmosdb-server", "package.json")))
            {
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, InstallTimeout);
            }
        }
    }

    private static async Task<int> ReadPortAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                // Keep draining stdout so that the server never blocks on a full pipe.
                _ = server.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"The Cosmos DB test server exited with code {server.ExitCode} before listening.");
    }

    private static async Task RunAsync(string fileName, string[] arguments, string folder, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    /// <summary>The harness folder in the source tree (its node_modules persists between runs).</summary>
    private static string HarnessFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "ChatRequests.Testing", "CosmosServer");
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/ChatRequests.Testing/CosmosServer not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A fault the Cosmos DB stand-in answers the next <see cref="Count"/> document operations with: a status (429 with a
/// retry-after, 503), or a delay before the usual answer (status 0).
/// </summary>
public sealed record CosmosFault(int Status, int Count, TimeSpan RetryAfter = default, TimeSpan Delay = default)
{
    /// <summary>429 Too Many Requests, with the retry-after Cosmos DB sends.</summary>
    public static CosmosFault Throttled(int count, TimeSpan retryAfter) => new(429, count, RetryAfter: retryAfter);

    /// <summary>503 Service Unavailable.</summary>
    public static CosmosFault Unavailable(int count) => new(503, count);

    /// <summary>No answer for <paramref name="delay"/>, then the usual one (a request that times out when the delay is long).</summary>
    public static CosmosFault Slow(int count, TimeSpan delay) => new(0, count, Delay: delay);
}
