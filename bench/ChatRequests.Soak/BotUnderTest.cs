using ChatRequests.Testing;

namespace ChatRequests.Soak;

/// <summary>
/// The bot as a child process that the soak kills (kill -9) and starts again on the same SQLite file. People talk to it
/// through one <see cref="TeamsDriver"/> whose requests go to whichever process runs now (each run has its own port),
/// so activity ids stay unique across restarts, as Teams' are.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly string _dataFile;
    private readonly string _serviceUrl;
    private readonly IReadOnlyList<string> _arguments;
    private readonly BotLog _log;
    private readonly SemaphoreSlim _restarting = new(1, 1);
    private readonly HttpClient _http;
    private BotProcess _process;
    private bool _disposed;
    private TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BotUnderTest(string dataFile, FakeTeamsConnector connector, IReadOnlyList<string> arguments, BotLog log)
    {
        _dataFile = dataFile;
        _serviceUrl = connector.ServiceUrl;
        _arguments = [.. arguments, .. log.BotArguments];
        _log = log;
        _process = NewProcess(0);
        // The base address is a placeholder: every request is sent to the running process's port.
        _http = new HttpClient(new ToRunningBot(this)) { BaseAddress = new Uri("http://127.0.0.1/"), Timeout = TimeSpan.FromSeconds(30) };
        Teams = new TeamsDriver(_http, connector);
    }

    public TeamsDriver Teams { get; }

    /// <summary>Restart times (kill to answering again), one per kill.</summary>
    public List<TimeSpan> RestartTimes { get; } = [];

    /// <summary>When each kill happened, and when the bot answered again after it.</summary>
    public List<(DateTimeOffset KilledAt, DateTimeOffset UpAt)> Kills { get; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _process.StartAsync(cancellationToken);
        _running.TrySetResult();
    }

    /// <summary>Completes when a bot process answers (at once, unless a kill is being recovered from).</summary>
    public Task WhenRunningAsync(CancellationToken cancellationToken) => _running.Task.WaitAsync(cancellationToken);

    /// <summary>kill -9, then a new process on the same file; people's calls meanwhile fail, as they would against Teams.</summary>
    public async Task KillAndRestartAsync(CancellationToken cancellationToken)
    {
        await _restarting.WaitAsync(cancellationToken);
        try
        {
            _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var killedAt = DateTimeOffset.UtcNow;
            _log.Mark($"kill -9 of run {Kills.Count}");
            await _process.DisposeAsync();
            _process = NewProcess(Kills.Count + 1);
            await _process.StartAsync(cancellationToken);
            var upAt = DateTimeOffset.UtcNow;
            _log.Mark($"run {Kills.Count + 1} answers");
            Kills.Add((killedAt, upAt));
            RestartTimes.Add(upAt - killedAt);
            _running.TrySetResult();
        }
        finally
        {
            _restarting.Release();
        }
    }

    private BotProcess NewProcess(int run) => new(_dataFile, _serviceUrl, _arguments) { Output = _log.OutputOf(run) };

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _process.DisposeAsync();
        _http.Dispose();
        _restarting.Dispose();
    }

    private sealed class ToRunningBot(BotUnderTest bot) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(bot._process.BaseAddress, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
