using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.Evaluation;

/// <summary>
/// The labelled utterances of eval/intake/ name what exists: an item of their catalog (loaded as the host loads it),
/// a command, its fields and their choices. A typo in the data fails here rather than scoring as a miss.
/// </summary>
public sealed class IntakeLabelsTests
{
    private const string Folder = "eval/intake";

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static TheoryData<string> Files => new(FilePaths());

    [Fact]
    public void Files_EveryCatalogFoldedSoFar_HasATuningPart()
    {
        var files = FilePaths();

        // Each was held out first (the factory, retail and airline held-out only), and folded into tuning once measured.
        foreach (var catalog in new[] { "sample", "hospital", "university", "factory", "retail", "airline" })
        {
            Assert.Contains($"{Folder}/tuning/{catalog}.json", files);
        }
    }

    [Fact]
    public void Files_SomeCatalogOfTheHeldOutPart_HasNoTuningPart()
    {
        // A catalog only held out, on purpose: one written after the engine was tuned, never shown to it.
        var files = FilePaths();
        var heldOut = files.Where(f => f.StartsWith($"{Folder}/heldout/", StringComparison.Ordinal)).ToList();

        Assert.True(heldOut.Count > 0, "The held-out part is missing: eval/intake/heldout/ holds no file.");
        Assert.Contains(heldOut, f => !files.Contains($"{Folder}/tuning/{Path.GetFileName(f)}"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Labels_OfEachFile_NameItemsCommandsFieldsAndChoicesThatExist(string file)
    {
        var set = Read(file);
        var catalog = LoadCatalog(set.Catalog);

        var problems = set.Utterances.SelectMany(u => Problems(u, catalog).Select(p => $"'{u.Text}': {p}")).ToList();

        Assert.NotEmpty(set.Utterances);
        Assert.True(problems.Count == 0, $"{file}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Texts_AcrossAllFiles_AreNeverRepeated()
    {
        // The held-out part must not share a sentence with the tuning part (nor any file with another). Where a copy is
        // held out, the message says so without naming its file: a writer rewords their own sentence and learns no more.
        var repeated = FilePaths()
            .SelectMany(file => Read(file).Utterances.Select(u => (Text: u.Text.Trim().ToLowerInvariant(), File: file)))
            .GroupBy(u => u.Text)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' in {string.Join(", ", g.Select(u => WhereSaid(u.File)).Distinct())}")
            .ToList();

        Assert.True(repeated.Count == 0, $"Repeated:\n{string.Join("\n", repeated)}");
    }

    [Theory]
    [InlineData("eval/intake/dev/engine9-zoo.json", "eval/intake/dev/engine9-zoo.json")]
    [InlineData("eval/intake/tuning/sample.json", "eval/intake/tuning/sample.json")]
    [InlineData("eval/intake/heldout/lawfirm.json", "a held-out file")]
    [InlineData("eval/intake/incoming/W30/brewery.json", "a held-out file")]
    public void WhereSaid_OfAHeldOutFile_NamesNoFile(string file, string said) =>
        Assert.Equal(said, WhereSaid(file));

    /// <summary>Where a repeated sentence is, as the repeat check says it: a held-out (or incoming) file by no name.</summary>
    private static string WhereSaid(string file) =>
        file.StartsWith($"{Folder}/heldout/", StringComparison.Ordinal) || file.StartsWith($"{Folder}/incoming/", StringComparison.Ordinal)
            ? "a held-out file"
            : file;

    private static IEnumerable<string> Problems(LabelledUtterance utterance, ICatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(utterance.Text))
        {
            yield return "no text";
        }

        var (kind, value) = utterance.Expect.IndexOf(':') is var colon and > 0
            ? (utterance.Expect[..colon], utterance.Expect[(colon + 1)..])
            : (utterance.Expect, "");
        if (kind != "item" && utterance.Slots is not null)
        {
            yield return "slots on an utterance that is not an item";
        }

        switch (kind)
        {
            case "item" when catalog.Find(value) is { } item:
                foreach (var problem in SlotProblems(item, utterance.Slots ?? new Dictionary<string, string>()))
                {
                    yield return problem;
                }

                break;
            case "item":
                yield return $"no item '{value}' in the catalog";
                break;
            case "command" when !Enum.GetNames<ChatCommand>().Contains(value, StringComparer.Ordinal):
                yield return $"no command '{value}'; the commands are {string.Join(", ", Enum.GetNames<ChatCommand>())}";
                break;
            case "command":
                break;
            case "none" or "incident" when value.Length == 0:
                break;
            default:
                yield return $"expect '{utterance.Expect}' is none of item:<id>, command:<name>, none, incident";
                break;
        }
    }

    private static IEnumerable<string> SlotProblems(CatalogItem item, IReadOnlyDictionary<string, string> slots)
    {
        foreach (var (fieldId, value) in slots)
        {
            var field = item.Fields.FirstOrDefault(f => f.Id == fieldId);
            var problem = field?.Type switch
            {
                null => $"item '{item.Id}' has no field '{fieldId}'",
                FieldType.Choice when !field.Choices.Contains(value, StringComparer.Ordinal) =>
                    $"'{value}' is not a choice of {item.Id}.{fieldId} ({string.Join(", ", field.Choices)})",
                FieldType.Number when !value.All(char.IsAsciiDigit) || value.Length == 0 =>
                    $"{item.Id}.{fieldId} is a number: '{value}' is not digits",
                FieldType.Choice or FieldType.Number => null,
                _ => $"{item.Id}.{fieldId} is a {field.Type} field; slots are labelled for choices and numbers only",
            };
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    private static List<string> FilePaths() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, Folder), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(AppContext.BaseDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static EvaluationSet Read(string file) =>
        JsonSerializer.Deserialize<EvaluationSet>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)), Strict)
        ?? throw new InvalidOperationException($"{file} holds null.");

    private sealed record EvaluationSet(string Catalog, IReadOnlyList<LabelledUtterance> Utterances);

    private sealed record LabelledUtterance(string Text, string Expect, IReadOnlyDictionary<string, string>? Slots);
}
