using System.Diagnostics;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>Which bot a run measures (<c>--bot-build</c>).</summary>
internal enum BotBuild
{
    /// <summary>The build output of the same configuration, as the tests and <c>dotnet publish</c> run it (the default).</summary>
    Build,

    /// <summary>
    /// <c>dotnet publish</c> in Release with ReadyToRun code for linux-x64 (framework-dependent), into
    /// artifacts/bench-bot-readytorun: to compare what precompiled code changes (ADR 0030 measured it; not the default).
    /// </summary>
    ReadyToRun,
}

/// <summary>Publishes the bot before a run when the run measures a published build.</summary>
internal static class BotBuilds
{
    private const string Project = "bot/ChatRequests.Bot/ChatRequests.Bot.csproj";
    private const string Output = "artifacts/bench-bot-readytorun";

    /// <summary>The entry assembly to run; publishing again is incremental.</summary>
    public static async Task<string> AssemblyAsync(BotBuild build, CancellationToken cancellationToken)
    {
        if (build == BotBuild.Build)
        {
            return RepositoryPaths.BotAssembly;
        }

        var folder = Path.Combine(RepositoryPaths.Root, Output);
        var started = Stopwatch.StartNew();
        var publish = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", Path.Combine(RepositoryPaths.Root, Project), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
                "-p:PublishReadyToRun=true", "-o", folder, "--nologo", "-v", "quiet",
            },
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(publish) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the bot failed (exit code {process.ExitCode}): {await output}{await errors}");
        }

        await Console.Error.WriteLineAsync($"bot published ({build}) to {folder} in {started.Elapsed.TotalSeconds:0} s");
        return Path.Combine(folder, "ChatRequests.Bot.dll");
    }
}
