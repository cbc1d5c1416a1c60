using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Embedded.Storage;

/// <summary>Where the embedded default keeps its data: one SQLite file.</summary>
public sealed class EmbeddedStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// The SQLite database file. A relative path is taken from the current directory (not the build output,
    /// which a clean build would wipe). The folder is created on first use.
    /// </summary>
    [Required]
    public string SqlitePath { get; set; } = "data/chatrequests.db";

    /// <summary>How long a write waits for another writer's lock before it fails.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
