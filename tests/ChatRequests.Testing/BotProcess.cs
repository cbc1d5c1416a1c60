using System.Diagnostics;

namespace ChatRequests.Testing;

/// <summary>
/// The bot as a child process on a real Kestrel port, so a test can kill -9 it and start it again on the same
/// data folder.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly string _dataFile;
    private readonly string _serviceUrl;
    private readonly IReadOnlyList<string> _extraArguments;
    private Process? _process;

    public BotProcess(string dataFile, string serviceUrl)
        : this(dataFile, serviceUrl, [])
    {
    }

    /// <param name="extraArguments">
    /// Configuration put after the test defaults on the command line (e.g. "--Connector:QueueLimit=10"); the last
    /// value of a key wins, so these override the defaults.
    /// </param>
    public BotProcess(string dataFile, string serviceUrl, IEnumerable<string> extraArguments)
    {
        _dataFile = dataFile;
        _serviceUrl = serviceUrl;
        _extraArguments = [.. extraArguments];
        Port = LocalProcess.FreePort();
    }

    public int Port { get; }

    /// <summary>The operating system's id of the running bot (for /proc/&lt;pid&gt;/status and the like).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The bot has not been started.");

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>
    /// The cores to run the bot on (a taskset list, e.g. "1"), or null for any. The bot is started under
    /// <c>taskset</c>, so the runtime sizes its thread pool and GC for those cores from the start.
    /// </summary>
    public string? Cores { get; init; }

    /// <summary>Receives each line the bot writes (its log, standard output and error), or null to drop them.</summary>
    public Action<string>? Output { get; init; }

    /// <summary>
    /// The bot's entry assembly; null for the build output of the same configuration (<see cref="RepositoryPaths.BotAssembly"/>).
    /// The load driver runs the published bot, as operators do.
    /// </summary>
    public string? Assembly { get; init; }

    /// <summary>
    /// Environment variables for the bot's process only, set after the test defaults (e.g. <c>DOTNET_TieredPGO=0</c>): the
    /// runtime reads its settings there before the host starts, which configuration on the command line comes too late for.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the bot reads with the sentence encoder: off unless the test is about it (<see cref="EncoderSetting"/>).</summary>
    public bool Encoder { get; init; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var assembly = Assembly ?? RepositoryPaths.BotAssembly;
        var start = new ProcessStartInfo(Cores is null ? "dotnet" : "taskset")
        {
            ArgumentList =
            {
                assembly,
                $"--Urls=http://127.0.0.1:{Port}",
                $"--Storage:SqlitePath={_dataFile}",
                $"--Bot:DefaultServiceUrl={_serviceUrl}",
                "--Fulfilment:PollInterval=00:00:00.100",
                "--Fulfilment:FirstRetryDelay=00:00:00.100",
                "--Logging:LogLevel:Default=Warning",
            },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in EncoderSetting.Arguments(Encoder).Concat(_extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (Cores is not null)
        {
            // taskset runs dotnet in its own process (exec), so the process id stays the bot's.
            string[] pinned = ["-c", Cores, "dotnet"];
            for (var i = 0; i < pinned.Length; i++)
            {
                start.ArgumentList.Insert(i, pinned[i]);
            }
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        _process.OutputDataReceived += (_, line) => Received(line.Data);
        _process.ErrorDataReceived += (_, line) => Received(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await LocalProcess.WaitUntilAnsweringAsync(_process, BaseAddress, "bot", cancellationToken);
    }

    private void Received(string? line)
    {
        if (line is not null)
        {
            Output?.Invoke(line);
        }
    }

    /// <summary>kill -9: no shutdown hooks, no flushing; whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
