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

    /// <summary>
    /// How much each pooled connection keeps in its own page cache, in KiB (PRAGMA cache_size = -N). Each concurrent
    /// operation holds a connection, so this times the pool's size is what the caches can grow to with a large file; a
    /// page not cached is read again from the operating system's file cache. SQLite's own default is 2,000; 256 keeps
    /// the bot with 100,000 stored requests 15 MiB smaller (ADR 0030).
    /// </summary>
    [Range(64, 1_000_000)]
    public int CacheSizeKiB { get; set; } = 256;

    /// <summary>
    /// The most connections kept for reads (ADR 0061), and so the most reads that run at once; a read beyond them waits for
    /// one to end. Each holds its page cache (<see cref="CacheSizeKiB"/>) and its prepared statements, so this, not the
    /// machine's cores, bounds what the readers hold; a machine with fewer than half as many cores keeps two a core.
    /// </summary>
    [Range(1, 64)]
    public int MaxReaders { get; set; } = 4;
}
