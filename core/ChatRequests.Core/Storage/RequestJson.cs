using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequests.Core.Storage;

/// <summary>
/// The JSON shape of stored documents (requests, conversation references), shared by every store adapter
/// so that a document written by one reads back in another: web defaults (camelCase) and enums as names,
/// which keep documents readable and safe against reordering the enum members.
/// </summary>
public static class RequestJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
