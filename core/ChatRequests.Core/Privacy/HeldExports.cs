using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ChatRequests.Core.Privacy;

/// <summary>An export file waiting for its auditor's consent: who it was made for, its name and bytes, and until when.</summary>
public sealed record HeldExport(string OwnerId, string FileName, string Description, byte[] Bytes, DateTimeOffset ExpiresAt);

/// <summary>
/// Export files held server-side between the file consent card and the person's accept: the card carries only an
/// unguessable key, never the file or who may have it. A key is taken once (a replayed accept finds nothing), only by
/// the person it was made for, and only before it expires; the caller still re-checks that the person is an auditor.
/// </summary>
public sealed class HeldExports(TimeProvider clock, TimeSpan? keepFor = null)
{
    /// <summary>How long a consent card can be accepted by default.</summary>
    public static readonly TimeSpan DefaultKeepFor = TimeSpan.FromMinutes(15);

    private readonly TimeSpan _keepFor = keepFor ?? DefaultKeepFor;
    private readonly ConcurrentDictionary<string, HeldExport> _held = new(StringComparer.Ordinal);

    /// <summary>Holds the file for its owner and returns the key for the card's context.</summary>
    public string Hold(string ownerId, string fileName, string description, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        Sweep();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        _held[key] = new HeldExport(ownerId, fileName, description, bytes, clock.GetUtcNow() + _keepFor);
        return key;
    }

    /// <summary>
    /// The file for this key if <paramref name="personId"/> is its owner and it has not expired; it is gone afterwards
    /// (a second accept, or a decline, finds nothing). Someone else's key leaves the file for its owner.
    /// </summary>
    public HeldExport? Take(string? key, string personId)
    {
        if (string.IsNullOrEmpty(key) || !_held.TryGetValue(key, out var held) || held.OwnerId != personId)
        {
            return null;
        }

        if (!_held.TryRemove(new KeyValuePair<string, HeldExport>(key, held)))
        {
            return null;
        }

        return held.ExpiresAt > clock.GetUtcNow() ? held : null;
    }

    /// <summary>How many files are held (expired ones are dropped first).</summary>
    public int Count
    {
        get
        {
            Sweep();
            return _held.Count;
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, held) in _held)
        {
            if (held.ExpiresAt <= now)
            {
                _held.TryRemove(new KeyValuePair<string, HeldExport>(key, held));
            }
        }
    }
}
