using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Embedded.Organisation;

/// <summary>Where the embedded default reads the organisation directory.</summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>
    /// The organisation file, <c>{ "people": [...], "teams": [...], "approverGroups": [...] }</c>. A relative
    /// path is looked up beside the app, then in the current directory.
    /// </summary>
    [Required]
    public string Path { get; set; } = "samples/organisation.json";
}
