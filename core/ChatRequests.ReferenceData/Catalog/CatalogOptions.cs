using System.ComponentModel.DataAnnotations;

namespace ChatRequests.ReferenceData.Catalog;

/// <summary>Where the embedded default reads the service catalog.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>
    /// The catalog file, <c>{ "items": [ ... ] }</c>. A relative path is looked up beside the app, then in the
    /// current directory.
    /// </summary>
    [Required]
    public string Path { get; set; } = "samples/catalog.json";
}
