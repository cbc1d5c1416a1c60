using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.ReferenceData;

/// <summary>How the bot and the Functions app start: the reference data is checked first, then the host runs.</summary>
public static class ReferenceDataHost
{
    /// <summary>The exit code of a start refused for bad reference data.</summary>
    public const int RefusedExitCode = 1;

    /// <summary>
    /// Checks the catalog and the directory (<see cref="ReferenceDataStartupCheck"/>), then runs the host until it is
    /// shut down; returns the process exit code. With problems nothing starts: their list is logged once, without a
    /// stack trace, and the exit code is <see cref="RefusedExitCode"/>.
    /// </summary>
    /// <remarks>
    /// Not a hosted service: a host constructs every hosted service before it starts any, so one that needs the
    /// directory (the relay, through the notifier) threw the organisation file's problems before the catalog's were
    /// read, and the host logged them and threw them again, each time with a stack trace.
    /// </remarks>
    public static async Task<int> RunWithReferenceDataCheckAsync(this IHost host)
    {
        // Options validated on start (ValidateOnStart) are checked here, before the host runs: a refusal then reaches
        // the caller as one exception, instead of being logged with its stack trace by the host and thrown again.
        host.Services.GetService<IStartupValidator>()?.Validate();
        try
        {
            await host.Services.GetRequiredService<ReferenceDataStartupCheck>().CheckAsync();
        }
        catch (ReferenceDataException ex)
        {
            host.Services.GetRequiredService<ILogger<ReferenceDataStartupCheck>>().LogCritical("{ReferenceDataProblems}", ex.Message);
            // Disposing flushes the console logger, whose queue would otherwise die with the process.
            await DisposeAsync(host);
            return RefusedExitCode;
        }

        await host.RunAsync();
        return 0;
    }

    private static async Task DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
