using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>One input for the bot: the bytes, their content type, and what was done to a sample to get them.</summary>
public sealed record FuzzCase(int Index, byte[] Body, string ContentType, string Description)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A seeded mutator of Teams activities: each case starts from a real shape (<see cref="TeamsActivitySamples"/>) and
/// removes members, puts values of other JSON types at any path, adds unexpected members, changes the type, names a
/// property twice, truncates the JSON or sends random bytes. Case <c>i</c> of seed <c>s</c> is always the same input,
/// so a failure is replayed from its seed and case number alone.
/// </summary>
public static class ActivityFuzzer
{
    private static readonly string[] ActivityTypes =
        ["message", "invoke", "conversationUpdate", "installationUpdate", "typing", "messageReaction", "event", "endOfConversation", "Message", "", " "];

    private static readonly string[] MemberNames =
        ["id", "type", "name", "text", "value", "action", "data", "tenant", "channel", "channelData", "conversation", "from", "aadObjectId", "verb", "replyToId"];

    private static readonly string[] ReadFirst = ["$.channelData", "$.from", "$.conversation", "$.serviceUrl", "$.id", "$.value"];

    private static readonly string[] OddStrings =
    [
        "", " ", "x", "help", "my requests", "queue", "REQ-000001", "cancel REQ-000001", "approval.approve", "Action.Execute",
        "adaptiveCard/action", "<at>ChatRequests</at>", "**bold** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}} ${$root.secret}",
        "Ωmega 🚀 \u202Eevil\u202C مرحبا", "\u0000\u0001", "a:robustness", "19:x@thread.tacv2;messageid=1", "29:nobody",
        "http://127.0.0.1:1/", "not a url", "ftp://127.0.0.1/", "00000000-0000-0000-0000-0000000000bb", new string('a', 3000),
    ];

    public static FuzzCase Create(int seed, int index, string serviceUrl)
    {
        var random = new Random(unchecked((seed * 100_003) + index));
        var which = random.Next(TeamsActivitySamples.Names.Count);
        var sample = TeamsActivitySamples.Create(which, serviceUrl, $"{seed}-{index}");
        var name = TeamsActivitySamples.Names[which];
        var contentType = random.Next(40) == 0 ? "text/plain" : "application/json";
        var roll = random.NextDouble();
        if (roll < 0.70)
        {
            var changes = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Mutate(sample, random)).ToList();
            return new FuzzCase(index, Serialize(sample), contentType, $"{name}: {string.Join("; ", changes)}");
        }

        if (roll < 0.80)
        {
            var whole = Serialize(sample);
            var length = random.Next(whole.Length);
            return new FuzzCase(index, whole[..length], contentType, $"{name}, truncated to {length} of {whole.Length} bytes");
        }

        if (roll < 0.87)
        {
            var bytes = new byte[random.Next(300)];
            random.NextBytes(bytes);
            return new FuzzCase(index, bytes, contentType, $"{bytes.Length} random bytes");
        }

        if (roll < 0.94)
        {
            var (body, path) = WithDuplicate(sample, random);
            return new FuzzCase(index, body, contentType, $"{name}: a property of {path} named twice");
        }

        var value = RandomValue(random, depth: 0);
        return new FuzzCase(index, Serialize(value), contentType, "a random JSON value");
    }

    /// <summary>Changes one place of the activity; says what it did.</summary>
    private static string Mutate(JsonObject activity, Random random)
    {
        if (random.Next(10) == 0)
        {
            var type = Pick(random, ActivityTypes);
            activity["type"] = type;
            return $"$.type := \"{type}\"";
        }

        var places = new List<(JsonNode Parent, string? Name, int Index, string Path)>();
        Collect(activity, "$", places);
        // Every path can be hit; one time in three, one of those the bot reads before it knows the activity is sound.
        var read = places.Where(p => ReadFirst.Any(prefix => p.Path.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        var (parent, name, index, path) = read.Count > 0 && random.Next(3) == 0 ? read[random.Next(read.Count)] : places[random.Next(places.Count)];
        switch (random.Next(4))
        {
            case 0:
                Remove(parent, name, index);
                return $"remove {path}";
            case 1 when Child(parent, name, index) is JsonObject target:
                var member = Pick(random, MemberNames);
                var added = RandomValue(random, depth: 2);
                target[member] = added;
                return $"{path}.{member} := {Describe(added)}";
            default:
                // Half of the values keep the JSON type (and pass the typed reader, reaching the turn), half do not.
                var value = random.Next(2) == 0 ? SameKind(Child(parent, name, index), random) : RandomValue(random, depth: 2);
                Replace(parent, name, index, value);
                return $"{path} := {Describe(value)}";
        }
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    places.Add((obj, name, -1, $"{path}.{name}"));
                    if (child is not null)
                    {
                        Collect(child, $"{path}.{name}", places);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i, $"{path}[{i}]"));
                    if (array[i] is { } child)
                    {
                        Collect(child, $"{path}[{i}]", places);
                    }
                }

                break;
        }
    }

    private static JsonNode? Child(JsonNode parent, string? name, int index) =>
        parent is JsonObject obj ? obj[name!] : parent.AsArray()[index];

    private static void Remove(JsonNode parent, string? name, int index)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove(name!);
        }
        else
        {
            parent.AsArray().RemoveAt(index);
        }
    }

    private static void Replace(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[name!] = value;
        }
        else
        {
            parent.AsArray()[index] = value;
        }
    }

    /// <summary>A value of any JSON type: the odd ones Teams never sends where we read them.</summary>
    private static JsonNode? RandomValue(Random random, int depth)
    {
        switch (random.Next(depth >= 3 ? 6 : 9))
        {
            case 0: return null;
            case 1: return JsonValue.Create(random.Next(2) == 0);
            case 2:
                return random.Next(4) switch
                {
                    0 => JsonValue.Create(random.Next(-5, 1000)),
                    1 => JsonValue.Create(1.5e308),
                    2 => JsonNode.Parse("123456789012345678901234567890"),
                    _ => JsonValue.Create(-0.5),
                };
            case 3:
            case 4:
            case 5: return JsonValue.Create(Pick(random, OddStrings));
            case 6:
                return new JsonArray([.. Enumerable.Range(0, random.Next(3)).Select(_ => RandomValue(random, depth + 1))]);
            case 7:
                var obj = new JsonObject();
                foreach (var name in Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, MemberNames)).Distinct())
                {
                    obj[name] = RandomValue(random, depth + 1);
                }

                return obj;
            default:
                // Deeper than the reader allows (64).
                var deep = new JsonArray();
                for (var level = 0; level < 80; level++)
                {
                    deep = new JsonArray(deep);
                }

                return deep;
        }
    }

    /// <summary>An odd value of the same JSON type as <paramref name="original"/>.</summary>
    private static JsonNode? SameKind(JsonNode? original, Random random) => original switch
    {
        JsonObject => new JsonObject { [Pick(random, MemberNames)] = JsonValue.Create(Pick(random, OddStrings)) },
        JsonArray => new JsonArray([.. Enumerable.Range(0, random.Next(3)).Select(_ => (JsonNode)new JsonObject())]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(Pick(random, OddStrings)),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(random.Next(-1, 3)),
        JsonValue => JsonValue.Create(random.Next(2) == 0),
        _ => null,
    };

    /// <summary>The activity with one of its objects carrying a property twice (the second one of another value).</summary>
    private static (byte[] Body, string Path) WithDuplicate(JsonObject activity, Random random)
    {
        var objects = new List<(JsonObject Obj, string Path)> { (activity, "$") };
        var places = new List<(JsonNode, string?, int, string)>();
        Collect(activity, "$", places);
        objects.AddRange(places.Select(p => (Child(p.Item1, p.Item2, p.Item3) as JsonObject, p.Item4)).Where(p => p.Item1 is { Count: > 0 })!);
        var (target, path) = objects[random.Next(objects.Count)];
        var repeated = target.ElementAt(random.Next(target.Count)).Key;
        var again = RandomValue(random, depth: 3);

        return (Serialize(activity, target, repeated, again), $"{path} (\"{repeated}\")");
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, JsonObject? target, string repeated, JsonNode? again)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, child) in obj)
                {
                    writer.WritePropertyName(name);
                    Write(writer, child, target, repeated, again);
                }

                if (ReferenceEquals(obj, target))
                {
                    writer.WritePropertyName(repeated);
                    Write(writer, again, target, repeated, again);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array)
                {
                    Write(writer, child, target, repeated, again);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Writes JSON of any depth (JsonNode.ToJsonString stops at 64), optionally with one property repeated.</summary>
    private static byte[] Serialize(JsonNode? node, JsonObject? target = null, string repeated = "", JsonNode? again = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = 1000, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, node, target, repeated, again);
        }

        return buffer.ToArray();
    }

    private static string Describe(JsonNode? value)
    {
        var json = Encoding.UTF8.GetString(Serialize(value));
        return json.Length <= 60 ? json : json[..60] + "...";
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
