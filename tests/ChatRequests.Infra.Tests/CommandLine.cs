using System.Diagnostics;

namespace ChatRequests.Infra.Tests;

/// <summary>What a command printed and how it ended.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Errors)
{
    public string All => Output + Errors;
}

/// <summary>Runs a command to its end (at most two minutes unless told), capturing both streams.</summary>
public static class CommandLine
{
    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return new CommandResult(process.ExitCode, await output, await errors);
    }
}
