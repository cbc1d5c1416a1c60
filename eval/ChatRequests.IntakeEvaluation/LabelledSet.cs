using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Catalog;

namespace ChatRequests.IntakeEvaluation;

/// <summary>One labelled message: what it should mean, and the form values its words name.</summary>
/// <param name="Expect"><c>item:&lt;id&gt;</c>, <c>none</c>, <c>command:&lt;ChatCommand&gt;</c> or <c>incident</c>.</param>
public sealed record Utterance(string Text, string Expect, IReadOnlyDictionary<string, string>? Slots)
{
    /// <summary>Where the item it asks for stands among a catalog's items; -1 when it asks for none of them.</summary>
    public int ItemIndexIn(IEnumerable<CatalogItem> items) => items.ToList().FindIndex(i => Expect == $"item:{i.Id}");
}

/// <summary>The utterances of one catalog in one part (<c>eval/intake/&lt;part&gt;/&lt;catalog&gt;.json</c>).</summary>
public sealed record LabelledSet(string Name, string Part, string Catalog, IReadOnlyList<Utterance> Utterances)
{
    public const string Tuning = "tuning";
    public const string HeldOut = "heldout";

    /// <summary>A helper's own development sentences (<c>eval/intake/dev/</c>): never tuned on, never in "all".</summary>
    public const string Development = "dev";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Every set of a part, by catalog name.</summary>
    public static IReadOnlyList<LabelledSet> Load(string root, string part)
    {
        var folder = Path.Combine(root, "eval", "intake", part);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(path => Read(path, part))];
    }

    private static LabelledSet Read(string path, string part)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<SetFile>(stream, Json)
            ?? throw new InvalidDataException($"{path} is empty.");
        return new LabelledSet(Path.GetFileNameWithoutExtension(path), part, file.Catalog, file.Utterances);
    }

    private sealed record SetFile(string Catalog, IReadOnlyList<Utterance> Utterances);
}
