using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// The default interpreter: the words alone, against the loaded catalog (no model, no network). Deterministic:
/// the same text and catalog always mean the same. The catalog's index is built once (and again only if the
/// catalog hands out another list of items).
/// </summary>
public sealed class LexicalInterpreter(ICatalog catalog) : IMessageInterpreter
{
    private CatalogIndex? _index;

    public ValueTask<Meaning> InterpretAsync(string text, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Interpret(text));

    public Meaning Interpret(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Interpret(text, Index());
    }

    internal static Meaning Interpret(string text, CatalogIndex index)
    {
        var urgency = UrgencyWords.Find(text);
        var words = Tokens.Read(text);
        var requestId = RequestNumber.FindIn(text);
        var command = CommandWords.Find(words, requestId is not null, index.Knows);
        if (command is { Strength: CommandStrength.Strong })
        {
            return Command(command.Value.Command);
        }

        var (kind, items) = MatchDecision.Decide(ItemScorer.Rank(index, ItemTerms(words, index)));
        if (IncidentWords.IsFault(words, kind != MeaningKind.Unknown, kind == MeaningKind.Item ? index.Phrases[items[0].Index] : null))
        {
            return new Meaning { Kind = MeaningKind.Incident, UrgencyHint = urgency };
        }

        if (command is { } c && (kind is MeaningKind.Unknown or MeaningKind.Suggestion || (c.Strength == CommandStrength.Medium && kind != MeaningKind.Item)))
        {
            return Command(c.Command);
        }

        return new Meaning
        {
            Kind = kind,
            Items = [.. items.Select(s => new ItemMatch(index.Items[s.Index], s.Score, SlotReader.Read(index.Items[s.Index], words, index.Naming(s.Index))))],
            UrgencyHint = urgency,
        };

        Meaning Command(ChatCommand chatCommand) =>
            new() { Kind = MeaningKind.Command, Command = chatCommand, RequestId = requestId, UrgencyHint = urgency };
    }

    /// <summary>The content terms that may pick an item: answers many items share ("Berlin office") only fill the form.</summary>
    private static List<Word> ItemTerms(Word[] words, CatalogIndex index)
    {
        var terms = words.Where(w => w.IsContent).ToList();
        foreach (var shared in index.SharedAnswers)
        {
            for (var start = terms.Count - shared.Length; start >= 0; start--)
            {
                if (terms.Skip(start).Take(shared.Length).Select(w => w.Term).SequenceEqual(shared, StringComparer.Ordinal))
                {
                    terms.RemoveRange(start, shared.Length);
                }
            }
        }

        return terms;
    }

    private CatalogIndex Index()
    {
        var items = catalog.Items;
        var index = _index;
        if (index is null || !ReferenceEquals(index.Items, items))
        {
            _index = index = new CatalogIndex(items);
        }

        return index;
    }
}
