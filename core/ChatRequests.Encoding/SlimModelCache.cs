using System.Security.Cryptography;

namespace ChatRequests.SentenceEncoding;

/// <summary>How <see cref="SlimModelCache.Load"/> came by the slim model.</summary>
public enum SlimModelSource
{
    /// <summary>Read from the cache: its name matched the source model and the slimmer, its bytes their own hash.</summary>
    Cache,

    /// <summary>Slimmed now and written to the cache for the next start.</summary>
    SlimmedAndCached,

    /// <summary>Slimmed now; the cache could not be written (<see cref="SlimModel.CacheError"/>), the next start slims again.</summary>
    SlimmedNotCached,
}

/// <summary>
/// The slim model: its file in the cache (checked when it was found), which ONNX Runtime reads itself, so that no copy of
/// its 59 MB is left to the garbage collector; or its bytes, when the cache could not be written.
/// </summary>
/// <param name="Source">Whether it came from the cache.</param>
/// <param name="CacheError">Why the cache was not read or not written, when it was not: the start is slower, nothing else.</param>
public sealed record SlimModel(string? File, byte[]? Bytes, SlimModelSource Source, Exception? CacheError = null)
{
    /// <summary>The model's bytes (read from its file when it has one).</summary>
    public byte[] ReadAllBytes() => Bytes ?? System.IO.File.ReadAllBytes(File!);
}

/// <summary>
/// The slim model kept on disk, so that a process slims once, not at every start (ADR 0044). The file's name carries
/// what it was made from (a hash of the source model's file, <see cref="ModelSlimmer.Version"/> and the options) and a
/// hash of its own bytes; it is written to a temporary file and renamed, so a start that dies while writing leaves no
/// file under that name, and a file whose bytes do not match its name (cut short, overwritten) is deleted and made
/// again. Two processes that miss at once both slim and both rename; the bytes are the same (the slimmer is
/// deterministic). A cache that cannot be read or written costs the start its seconds of slimming, nothing more.
/// </summary>
public sealed class SlimModelCache
{
    private const string Extension = ".onnx";
    private const int HashCharacters = 16;
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private readonly string _folder;
    private readonly string _prefix;

    /// <param name="folder">Where the slim model is kept (created when missing).</param>
    /// <param name="sourceIdentity">A hash of what the model is made from, with the slimmer's version and options (<see cref="ForPackage"/>).</param>
    /// <param name="modelName">Which model it is (<see cref="SentenceModel.Name"/>): the file's name starts with it, so an operator sees which.</param>
    public SlimModelCache(string folder, string sourceIdentity, string modelName = ChatRequests.Core.Understanding.SentenceModelNames.MiniLm)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceIdentity);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        _folder = folder;
        _prefix = $"{modelName}-int8-{sourceIdentity}.";
    }

    /// <summary>
    /// The cache of a package's model slimmed with <paramref name="options"/>: named by the model and keyed by a hash of
    /// the package's DLL (which embeds the model; read as a file, not through the loaded assembly, so none of its 90 MB
    /// stays in memory), the slimmer's version and the options.
    /// </summary>
    public static SlimModelCache ForPackage(string folder, SentenceModel model, SlimOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= SlimOptions.Default;
        var source = model.PackageFile is { Length: > 0 } file
            ? HashOfFile(file)
            : Hex(SHA256.HashData(model.Original())); // single-file publish: no file to read, the model itself
        var smoothing = options.Smoothing?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        var identity = Hex(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{source}|slimmer {ModelSlimmer.Version}|smoothing {smoothing}")));
        return new SlimModelCache(folder, identity, model.Name);
    }

    /// <summary>The cached slim model, or <paramref name="slim"/>'s, written to the cache for the next start.</summary>
    public SlimModel Load(Func<byte[]> slim)
    {
        ArgumentNullException.ThrowIfNull(slim);
        Exception? readError = null;
        try
        {
            if (Find() is { } cached)
            {
                return new SlimModel(cached, null, SlimModelSource.Cache);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            readError = e;
        }

        var bytes = slim();
        if (readError is not null)
        {
            return new SlimModel(null, bytes, SlimModelSource.SlimmedNotCached, readError);
        }

        try
        {
            return new SlimModel(Write(bytes), null, SlimModelSource.SlimmedAndCached);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SlimModel(null, bytes, SlimModelSource.SlimmedNotCached, e);
        }
    }

    /// <summary>The first file of this source whose content matches its name; the others are deleted.</summary>
    private string? Find()
    {
        if (!Directory.Exists(_folder))
        {
            return null;
        }

        foreach (var path in Directory.EnumerateFiles(_folder, _prefix + "*" + Extension))
        {
            if (Path.GetFileName(path) == _prefix + HashOfFile(path) + Extension)
            {
                return path;
            }

            File.Delete(path);
        }

        return null;
    }

    /// <summary>Writes the model under its name (through a temporary file) and returns its path.</summary>
    private string Write(byte[] bytes)
    {
        Directory.CreateDirectory(_folder);
        RemoveAbandonedWrites();
        var temporary = Path.Combine(_folder, $"{_prefix}{Guid.NewGuid():N}.tmp");
        var path = Path.Combine(_folder, _prefix + Hex(SHA256.HashData(bytes)) + Extension);
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A process killed while writing leaves its temporary file (58 MB); one that old is nobody's any more.</summary>
    private void RemoveAbandonedWrites()
    {
        foreach (var path in Directory.EnumerateFiles(_folder, _prefix + "*.tmp"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > AbandonedAfter)
            {
                File.Delete(path);
            }
        }
    }

    private static string HashOfFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Hex(SHA256.HashData(file));
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash)[..HashCharacters];
}
