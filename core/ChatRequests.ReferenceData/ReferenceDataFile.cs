using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Storage;

namespace ChatRequests.ReferenceData;

/// <summary>Finds and reads a hand-edited reference data file (catalog, organisation).</summary>
public static class ReferenceDataFile
{
    // The stored-document shape, made strict and friendly for files people edit by hand: comments and trailing
    // commas are fine, a misspelt property or a null list is an error rather than silently ignored.
    private static readonly JsonSerializerOptions FileOptions = new(RequestJson.Options)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// A relative path is looked up beside the app first (where the build copies the samples), then in the
    /// current directory; an absolute path is taken as it is.
    /// </summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var besideApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        return File.Exists(besideApp) ? besideApp : Path.GetFullPath(path);
    }

    /// <summary>Reads the file at <paramref name="configuredPath"/>; throws <see cref="ReferenceDataException"/> if it is missing or not valid.</summary>
    public static (T Document, string Path) Read<T>(string configuredPath)
        where T : class
    {
        var path = Resolve(configuredPath);
        if (!File.Exists(path))
        {
            throw new ReferenceDataException([$"{configuredPath}: {Missing(configuredPath, path)}"]);
        }

        try
        {
            // Read once at start, before anything is served, so the synchronous read blocks nobody.
            using var stream = File.OpenRead(path);
            var document = JsonSerializer.Deserialize<T>(stream, FileOptions)
                ?? throw new ReferenceDataException([$"{path}: the file holds null instead of an object."]);
            return (document, path);
        }
        catch (JsonException ex)
        {
            // A converter's own explanation comes without the place; the serializer knows it.
            var where = ex.Path is { } at && !ex.Message.Contains(at, StringComparison.Ordinal) ? $" Path: {at} | LineNumber: {ex.LineNumber}." : "";
            throw new ReferenceDataException([$"{path}: not valid: {ex.Message}{where}"]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReferenceDataException([$"{path}: cannot be read: {ex.Message}"]);
        }
    }

    private static string Missing(string configuredPath, string path)
    {
        if (Directory.Exists(path))
        {
            return "this is a folder; give the path of the JSON file.";
        }

        return Path.IsPathRooted(configuredPath)
            ? "the file does not exist."
            : $"the file does not exist (looked in {AppContext.BaseDirectory} and in {Environment.CurrentDirectory}).";
    }
}
