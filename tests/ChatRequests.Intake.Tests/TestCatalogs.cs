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
        return new JsonFileCatalog(Options.Create(new CatalogOptions { Path = path }), NullLogger<JsonFileCatalog>.Instance);
    }
}
