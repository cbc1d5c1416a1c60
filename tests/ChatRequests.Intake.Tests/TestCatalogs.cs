using ChatRequests.ReferenceData.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Intake.Tests;

/// <summary>Catalogs written for a test: the JSON saved in the test's folder and read as the bot reads a catalog file.</summary>
internal static class TestCatalogs
{
    public static JsonFileCatalog Write(string folder, string fileName, string json)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, json);
        return Read(path);
    }

    /// <summary>A catalog file as the bot reads it.</summary>
    public static JsonFileCatalog Read(string path) =>
        new(Options.Create(new CatalogOptions { Path = path }), NullLogger<JsonFileCatalog>.Instance);
}
