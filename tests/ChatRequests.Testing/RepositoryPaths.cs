namespace ChatRequests.Testing;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples(string file) => Path.Combine(Root, "samples", file);

    /// <summary>The bot's own build output, built with the same configuration as the tests.</summary>
    public static string BotAssembly => BuildOutput("bot", "ChatRequests.Bot");

    /// <summary>The Functions app's own build output (the custom handler), built with the same configuration as the tests.</summary>
    public static string FunctionsAssembly => BuildOutput("functions", "ChatRequests.Functions");

    private static string BuildOutput(string folder, string project)
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)); // bin/<Configuration>/net10.0
        var configuration = output.Parent!.Name;
        var path = Path.Combine(Root, folder, project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatRequests.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (ChatRequests.slnx).");
    }
}
