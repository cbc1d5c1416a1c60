using System.Diagnostics;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>The echo baseline (<see cref="EchoBot"/>): this driver's own assembly started again as a child process.</summary>
internal sealed class EchoBotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EchoBotProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="cores">The cores to run it on (a taskset list), as the bot is run (<see cref="BotProcess.Cores"/>); null for any.</param>
    public static async Task<EchoBotProcess> StartAsync(IEnumerable<string> settings, string? cores, CancellationToken cancellationToken)
    {
        var port = LocalProcess.FreePort();
        var assembly = typeof(EchoBot).Assembly.Location;
        var start = new ProcessStartInfo(cores is null ? "dotnet" : "taskset")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] launcher = cores is null ? [] : ["-c", cores, "dotnet"];
        foreach (var argument in launcher.Concat([assembly, EchoBot.ModeSwitch, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        // As the bot is started (BotProcess), so both hosts are configured alike.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the echo bot.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var echo = new EchoBotProcess(process, port);
        try
        {
            await echo.WaitUntilUpAsync(cancellationToken);
            return echo;
        }
        catch
        {
            await echo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private Task WaitUntilUpAsync(CancellationToken cancellationToken) =>
        LocalProcess.WaitUntilAnsweringAsync(_process, BaseAddress, "echo bot", cancellationToken);
}
