using System.Text.Json.Nodes;

namespace ChatRequests.Testing;

/// <summary>
/// Copies of the sample catalog and organisation in a folder of their own, to break the way an operator might
/// (edit a value, cut the file short, lock it) and point a host at with <see cref="Arguments"/>.
/// </summary>
public sealed class ReferenceDataCopies : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatrequests-reference-data", Guid.NewGuid().ToString("N"));

    public ReferenceDataCopies()
    {
        Directory.CreateDirectory(_folder);
        Catalog = Path.Combine(_folder, "catalog.json");
        Organisation = Path.Combine(_folder, "organisation.json");
        File.Copy(RepositoryPaths.Samples("catalog.json"), Catalog);
        File.Copy(RepositoryPaths.Samples("organisation.json"), Organisation);
    }

    public string Catalog { get; private set; }

    public string Organisation { get; private set; }

    /// <summary>A SQLite file in the same folder, cleaned up with the copies.</summary>
    public string Database => Path.Combine(_folder, "requests.db");

    /// <summary>Catalog:Path, Directory:Path and a fresh SQLite file, as command-line configuration.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        $"--Catalog:Path={Catalog}",
        $"--Directory:Path={Organisation}",
        $"--Storage:SqlitePath={Database}",
    ];

    public void EditCatalog(Action<JsonObject> edit) => Edit(Catalog, edit);

    public void EditOrganisation(Action<JsonObject> edit) => Edit(Organisation, edit);

    /// <summary>Keeps only the first half of the catalog, as an interrupted copy would.</summary>
    public void CutCatalogShort()
    {
        var text = File.ReadAllText(Catalog);
        File.WriteAllText(Catalog, text[..(text.Length / 2)]);
    }

    /// <summary>Points Directory:Path at a file that is not there.</summary>
    public void RemoveOrganisation()
    {
        File.Delete(Organisation);
        Organisation = Path.Combine(_folder, "no-such-organisation.json");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Edit(string path, Action<JsonObject> edit)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(document);
        File.WriteAllText(path, document.ToJsonString());
    }
}
