using ChatRequests.Testing;

namespace ChatRequests.Infra.Tests.Bicep;

/// <summary>A throw-away copy of infra/ (templates, bicepconfig.json), for a test to break or add a parameters file to.</summary>
public sealed class InfraCopy : IDisposable
{
    public static string Source => Path.Combine(RepositoryPaths.Root, "infra");

    public InfraCopy()
    {
        Folder = Directory.CreateTempSubdirectory("chatrequests-infra-").FullName;
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Folder { get; }

    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    /// <summary>Replaces text in one file of the copy; fails if the text is not there (the test would prove nothing).</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = PathOf(relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public string Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
