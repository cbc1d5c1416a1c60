using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Composition.Memory;

/// <summary>When the bot gives memory back to the machine: once per idle stretch, after this long with no turn (ADR 0043).</summary>
public sealed class IdleMemoryOptions
{
    public const string SectionName = "IdleMemory";

    /// <summary>Off only to measure the bot without it; on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the bot has had no request (but health probes) before it releases what its turns left behind.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan After { get; set; } = TimeSpan.FromSeconds(30);
}
