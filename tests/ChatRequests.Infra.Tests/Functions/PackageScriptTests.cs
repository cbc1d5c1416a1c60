using System.IO.Compression;
using ChatRequests.Testing;

namespace ChatRequests.Infra.Tests.Functions;

/// <summary>
/// functions/package.sh, the zip CI builds for the Functions app: the custom handler keeps its execute bit in the zip
/// (the Functions host starts it as an executable and does not restore the bit). One test runs the whole script (a
/// self-contained linux-x64 publish, about 20 s on an idle 2-core machine once the runtime pack is in the NuGet cache);
/// the others run the zipping step on a small published fixture: the handler without its execute bit (as from a Windows
/// build), host.json and the real function folders.
/// </summary>
public sealed class PackageScriptTests : IDisposable
{
    private const string Executable = "ChatRequests.Functions";
    private static readonly string FunctionsProject = Path.Combine(RepositoryPaths.Root, "functions", "ChatRequests.Functions");

    private readonly string _work = Directory.CreateTempSubdirectory("chatrequests-package-").FullName;

    [Fact]
    public async Task Zip_KeepsTheHandlersExecuteBit_AndTheFunctionAppLayout()
    {
        var published = PublishedFixture();
        var zipPath = Path.Combine(_work, "out", "functions.zip");

        var result = await PackageAsync("--zip", published, zipPath);

        Assert.True(result.ExitCode == 0, result.All);
        using var zip = ZipFile.OpenRead(zipPath);
        var handler = zip.GetEntry(Executable);
        Assert.NotNull(handler);
        var mode = (UnixFileMode)((handler.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{Executable} is {mode} in the zip");
        Assert.NotNull(zip.GetEntry("host.json"));
        Assert.NotNull(zip.GetEntry("RelayOutbox/function.json"));
        Assert.NotNull(zip.GetEntry("RunFulfilmentStep/function.json"));
    }

    [Fact]
    public async Task TheWholeScript_PublishesSelfContainedForLinux_AndTheHandlerInTheZipIsExecutable()
    {
        var zipPath = Path.Combine(_work, "functions.zip");

        // A first publish on a fresh machine also downloads the linux-x64 runtime pack.
        var result = await CommandLine.RunAsync(
            "bash", [Path.Combine(RepositoryPaths.Root, "functions", "package.sh"), zipPath], timeout: TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.All);
        using var zip = ZipFile.OpenRead(zipPath);
        var handler = zip.GetEntry(Executable);
        Assert.NotNull(handler);
        var mode = (UnixFileMode)((handler.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{Executable} is {mode} in the zip");
        Assert.NotNull(zip.GetEntry("libcoreclr.so")); // self-contained: the host on Linux brings no .NET 10
        Assert.NotNull(zip.GetEntry("host.json"));
        Assert.NotNull(zip.GetEntry("RelayOutbox/function.json"));
        Assert.NotNull(zip.GetEntry("RunFulfilmentStep/function.json"));
    }

    [Fact]
    public async Task Zip_OfAFolderWithoutTheHandler_FailsAndSaysWhy()
    {
        var published = PublishedFixture();
        File.Delete(Path.Combine(published, Executable));

        var result = await PackageAsync("--zip", published, Path.Combine(_work, "functions.zip"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"has no {Executable}", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "functions.zip")));
    }

    [Fact]
    public void TheScript_NamesTheExecutableThatHostJsonStarts()
    {
        var hostJson = File.ReadAllText(Path.Combine(FunctionsProject, "host.json"));
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "package.sh"));

        Assert.Contains($"\"defaultExecutablePath\": \"{Executable}\"", hostJson, StringComparison.Ordinal);
        Assert.Contains($"executable={Executable} ", script, StringComparison.Ordinal);
        Assert.Contains("-r linux-x64 --self-contained true", script, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static Task<CommandResult> PackageAsync(params string[] arguments) =>
        CommandLine.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "functions", "package.sh"), .. arguments]);

    /// <summary>A published function app in miniature: host.json, every function folder, a handler without its execute bit.</summary>
    private string PublishedFixture()
    {
        var folder = Path.Combine(_work, "published");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(FunctionsProject, "host.json"), Path.Combine(folder, "host.json"));
        foreach (var functionJson in Directory.EnumerateFiles(FunctionsProject, "function.json", SearchOption.AllDirectories)
                     .Where(file => Path.GetDirectoryName(Path.GetDirectoryName(file)) == FunctionsProject))
        {
            var function = Path.GetFileName(Path.GetDirectoryName(functionJson)!);
            Directory.CreateDirectory(Path.Combine(folder, function));
            File.Copy(functionJson, Path.Combine(folder, function, "function.json"));
        }

        var handler = Path.Combine(folder, Executable);
        File.WriteAllText(handler, "#!/bin/sh\necho handler\n");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(handler, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        return folder;
    }
}
