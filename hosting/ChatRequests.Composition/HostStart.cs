using ChatRequests.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ChatRequests.Composition;

/// <summary>
/// How both hosts start: a configuration that cannot work (<see cref="ConfigurationRefusedException"/>, options that
/// fail their validation) is said once on standard error, without a stack trace, and the process exits with
/// <see cref="RefusedExitCode"/>, as a start refused for bad reference data does.
/// </summary>
public static class HostStart
{
    public const int RefusedExitCode = 1;

    /// <param name="start">Builds and runs the host; returns the process exit code.</param>
    public static async Task<int> RunAsync(Func<Task<int>> start)
    {
        try
        {
            return await start();
        }
        catch (Exception ex) when (ex is ConfigurationRefusedException or OptionsValidationException)
        {
            // No logger exists yet when the builder refuses: the console is where an operator looks.
            await Console.Error.WriteLineAsync($"ChatRequests cannot start: {ex.Message}");
            return RefusedExitCode;
        }
    }
}
