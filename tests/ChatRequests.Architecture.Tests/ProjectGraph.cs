using System.Xml.Linq;

namespace ChatRequests.Architecture.Tests;

/// <summary>One project of the repository as its .csproj says: where it is and what it references.</summary>
public sealed record ProjectFile(string Path, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    /// <summary>The project's folder, relative to the repository root with forward slashes (<c>bot/ChatRequests.Bot</c>).</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!.Replace('\\', '/');

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public override string ToString() => Path;
}

/// <summary>Every .csproj of the repository, read as text: the graph the build would see.</summary>
public static class ProjectGraph
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<ProjectFile> All { get; } = Load();

    public static ProjectFile Named(string name) => All.Single(p => p.Name == name);

    private static List<ProjectFile> Load() =>
        [.. Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsGenerated(path))
            .Select(Read)
            .OrderBy(p => p.Path, StringComparer.Ordinal)];

    private static ProjectFile Read(string fullPath)
    {
        var document = XDocument.Load(fullPath);
        var directory = Path.GetDirectoryName(fullPath)!;
        var projects = document.Descendants("ProjectReference")
            .Select(e => Relative(Path.GetFullPath(Path.Combine(directory, e.Attribute("Include")!.Value.Replace('\\', '/')))))
            .ToList();
        var packages = document.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
        return new ProjectFile(Relative(fullPath), projects, packages);
    }

    private static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    // Build output and npm packages are not the repository's projects.
    private static bool IsGenerated(string path) =>
        Relative(path).Split('/').Any(segment => segment is "bin" or "obj" or "node_modules");

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
