using System.Reflection;

namespace ChatRequests.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI of the Azure.Bicep.CommandLine.linux-x64 package, which restore downloads into the NuGet cache
/// (the PackageDownload item of this project); the cache path is baked into the test assembly at build time.
/// </summary>
public static class BicepCli
{
    public const string Version = "0.49.2";

    private static readonly Lazy<string> Executable = new(Find);

    private static readonly Lazy<Task<CommandResult>> MainBuild = new(() => RunAsync("build", Path.Combine(InfraCopy.Source, "main.bicep"), "--stdout"));

    public static Task<CommandResult> RunAsync(params string[] arguments) => CommandLine.RunAsync(Executable.Value, arguments);

    /// <summary>infra/main.bicep compiled to ARM JSON on standard output, once for all the tests that read it.</summary>
    public static Task<CommandResult> BuildMainAsync() => MainBuild.Value;

    private static string Find()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The tests use the linux-x64 Bicep CLI.");
        }

        var packageRoot = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value;
        if (string.IsNullOrEmpty(packageRoot))
        {
            throw new InvalidOperationException("The build did not record NuGetPackageRoot: restore this project first.");
        }

        var path = Path.Combine(packageRoot, "azure.bicep.commandline.linux-x64", Version, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is not in the NuGet cache: dotnet restore tests/ChatRequests.Infra.Tests.", path);
        }

        // NuGet extracts files without their execute bit.
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
