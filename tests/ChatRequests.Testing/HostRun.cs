using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChatRequests.Testing;

/// <summary>What a host process wrote and how it ended.</summary>
public sealed partial record HostExit(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>A frame of a .NET stack trace ("   at Namespace.Type.Method(...)") or the runtime's crash report.</summary>
    public bool ShowsStackTrace => StackFrame().IsMatch(Output) || Output.Contains("Unhandled exception", StringComparison.Ordinal);

    /// <summary>How many times <paramref name="text"/> appears in stdout and stderr together.</summary>
    public int CountOf(string text)
    {
        var count = 0;
        for (var at = Output.IndexOf(text, StringComparison.Ordinal); at >= 0; at = Output.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}

/// <summary>
/// Runs a host's own build (<see cref="RepositoryPaths.BotAssembly"/>, <see cref="RepositoryPaths.FunctionsAssembly"/>)
/// as an operator would, until it exits: for start-up refusals, which an in-process factory reports differently.
/// </summary>
public static class HostRun
{
    /// <summary>
    /// Runs the host in the given environment on a free port with the given configuration arguments; fails when it is
    /// still running after 60 s (it started when it should have refused).
    /// </summary>
    public static async Task<HostExit> UntilExitAsync(string assembly, string environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        // The hosts run here start or refuse to: none is about the encoder, whose loading would only cost the run (ADR 0044).
        foreach (var argument in EncoderSetting.Arguments(enabled: false).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(assembly)} did not stop within 60 s: it started when it should have refused.");
        }

        return new HostExit(process.ExitCode, await stdout, await stderr);
    }
}
