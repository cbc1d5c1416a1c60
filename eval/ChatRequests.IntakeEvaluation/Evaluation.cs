using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.IntakeEvaluation;

/// <summary>What one utterance was understood as, and whether that was right.</summary>
public sealed record Outcome(LabelledSet Set, Utterance Utterance, Meaning Meaning, Figures Figures)
{
    public bool Failed => Figures.WithGoals().Any(f => f.AtMost ? f.Rate.Hits > 0 : f.Rate.Hits < f.Rate.Cases);
}

/// <summary>
/// Runs an interpreter over labelled sets, each against its catalog loaded through the host's JSON loader (and so
/// its checks), and scores every utterance by the figures.
/// </summary>
public sealed class Evaluation(string root, Func<ICatalog, IMessageInterpreter> interpreterFor)
{
    /// <param name="encoder">With a sentence encoder, every catalog's item vectors are built before its first message.</param>
    /// <param name="parts">Whether a message of several sentences is read by its parts too (ADR 0078).</param>
    /// <param name="decisiveAt">From which probability the words' rule form is not encoded (<see cref="SentenceLead.DecisiveAt"/>).</param>
    public static Evaluation Lexical(string root, ISentenceEncoder? encoder = null, double decisiveAt = SentenceLead.DecisiveAt, PartsReading parts = MessageParts.Default) => new(root, catalog =>
    {
        var interpreter = new LexicalInterpreter(catalog, encoder) { DecisiveAt = decisiveAt, ReadEncoded = MessageParts.Reader(encoder, parts) };
        interpreter.Prepare();
        return interpreter;
    });

    public IReadOnlyList<Outcome> Run(IEnumerable<LabelledSet> sets) => [.. sets.SelectMany(Run)];

    public IEnumerable<Outcome> Run(LabelledSet set)
    {
        var catalog = LoadCatalog(set.Catalog);
        var interpreter = interpreterFor(catalog);
        foreach (var utterance in set.Utterances)
        {
            var meaning = interpreter.InterpretAsync(utterance.Text).AsTask().GetAwaiter().GetResult();
            yield return new Outcome(set, utterance, meaning, Score(utterance, meaning));
        }
    }

    public JsonFileCatalog LoadCatalog(string path) =>
        new(Options.Create(new CatalogOptions { Path = Path.Combine(root, path) }), NullLogger<JsonFileCatalog>.Instance);

    public static Figures Score(Utterance utterance, Meaning meaning)
    {
        var (kind, value) = Split(utterance.Expect);
        var form = meaning.Kind == MeaningKind.Item ? meaning.Items[0].Item.Id : null;
        switch (kind)
        {
            case "item":
                var offered = Offered(meaning).FirstOrDefault(m => m.Item.Id == value);
                var expected = utterance.Slots ?? new Dictionary<string, string>();
                var filled = offered is null ? 0 : expected.Count(s => offered.Slots.GetValueOrDefault(s.Key) == s.Value);
                return Figures.Empty with
                {
                    Top1 = new Rate(form == value ? 1 : 0, 1),
                    Reachable = new Rate(offered is null ? 0 : 1, 1),
                    ShownFirst = new Rate(offered is not null && meaning.Kind != MeaningKind.Incident && meaning.Items[0].Item.Id == value ? 1 : 0, 1),
                    WrongForm = new Rate(form is not null && form != value ? 1 : 0, 1),
                    Slots = offered is null ? default : new Rate(filled, expected.Count),
                };
            case "none":
                return Figures.Empty with
                {
                    WrongForm = new Rate(form is null ? 0 : 1, 1),
                    Abstention = new Rate(form is null ? 1 : 0, 1),
                };
            case "command":
                var right = meaning.Kind == MeaningKind.Command && meaning.Command.ToString() == value;
                return Figures.Empty with { Commands = new Rate(right ? 1 : 0, 1) };
            case "incident":
                return Figures.Empty with { Incidents = new Rate(meaning.Kind == MeaningKind.Incident ? 1 : 0, 1) };
            default:
                throw new InvalidDataException($"Unknown label \"{utterance.Expect}\".");
        }
    }

    /// <summary>
    /// The items a person is offered in the bot's first answer: the form's item, the choice, the question, or the few shown
    /// beside an incident (<see cref="Meaning.ShownBesideAnIncident"/>, ADR 0089); none for a command or the catalog.
    /// </summary>
    internal static IEnumerable<ItemMatch> Offered(Meaning meaning) => meaning.Kind switch
    {
        MeaningKind.Item or MeaningKind.Choice or MeaningKind.Suggestion => meaning.Items,
        MeaningKind.Incident => meaning.Items.Take(Meaning.ShownBesideAnIncident),
        _ => [],
    };

    /// <summary>A label split at its colon: ("item", "laptop") for "item:laptop", ("none", null) for "none".</summary>
    internal static (string Kind, string? Value) Split(string expect)
    {
        var colon = expect.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (expect, null) : (expect[..colon], expect[(colon + 1)..]);
    }

    /// <summary>
    /// A sample catalog's short name, by the folder its file is in: "sample" for the catalog at the top of <c>samples/</c>,
    /// otherwise the folder's name ("telecom" for <c>samples/telecom/catalog.json</c>).
    /// </summary>
    public static string CatalogName(string catalogPath)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(catalogPath)) ?? "";
        return folder == "samples" ? "sample" : folder;
    }

    /// <summary>The repository root: the folder with ChatRequests.slnx, from here or from the current directory upwards.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChatRequests.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (ChatRequests.slnx).");
    }
}
