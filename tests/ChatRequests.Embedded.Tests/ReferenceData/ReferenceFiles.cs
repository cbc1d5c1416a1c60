using ChatRequests.ReferenceData.Catalog;
using ChatRequests.Embedded.Organisation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.ReferenceData;

/// <summary>Loads catalog and organisation files the way the host does.</summary>
public static class ReferenceFiles
{
    public const string GoodCatalog = "Fixtures/catalog.json";
    public const string GoodOrganisation = "Fixtures/organisation.json";

    public static JsonFileCatalog LoadCatalog(string path) =>
        new(Options.Create(new CatalogOptions { Path = path }), NullLogger<JsonFileCatalog>.Instance);

    public static JsonFileDirectory LoadDirectory(string path) =>
        new(Options.Create(new DirectoryOptions { Path = path }), NullLogger<JsonFileDirectory>.Instance);
}
