using System.Diagnostics;

namespace ChatRequests.LoadDriver;

/// <summary>
/// Where each process runs: a bot on core 1, the driver (clients and fake connector) on core 0. A bot's CPU time
/// is then its own work, and the driver's never competes with it for its core.
/// </summary>
internal static class CorePinning
{
    public const string BotCore = "1";
    public const string DriverCore = "0";

    /// <summary>Two cores or more and taskset on the PATH; otherwise the run is not pinned and says so.</summary>
    public static bool Available { get; } = Environment.ProcessorCount >= 2 && TasksetWorks();

    /// <summary>Pins every thread of this process to the driver's core; threads started later inherit it.</summary>
    public static void PinDriver()
    {
        var exitCode = Taskset("-a", "-p", "-c", DriverCore, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"taskset could not pin the driver to core {DriverCore} (exit code {exitCode}).");
        }
    }

    /// <summary>The cores a process may run on, as the kernel says (Cpus_allowed_list in /proc/&lt;pid&gt;/status).</summary>
    public static string AllowedCores(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        return line?["Cpus_allowed_list:".Length..].Trim() ?? "?";
    }

    private static bool TasksetWorks()
    {
        try
        {
            return Taskset("-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)) == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }

    private static int Taskset(params string[] arguments)
    {
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start taskset.");
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
