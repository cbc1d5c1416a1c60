using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// The default interpreter: the words alone, against the loaded catalog (no model, no network). Deterministic:
/// the same text and catalog always mean the same.
/// </summary>
public sealed class LexicalInterpreter(ICatalog catalog) : IMessageInterpreter
{
    public ValueTask<Meaning> InterpretAsync(string text, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Interpret(text));

    public Meaning Interpret(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var requestId = RequestNumber.FindIn(text);
        var command = CommandWords.Find(text, requestId is not null);
        if (command is not null)
        {
            return new Meaning { Kind = MeaningKind.Command, Command = command, RequestId = requestId };
        }

        var match = CatalogMatcher.Match(text, catalog.Items);
        var none = new Dictionary<string, string>();
        if (match.Best is { } best)
        {
            return new Meaning { Kind = MeaningKind.Item, Items = [new ItemMatch(best, 1, none)], UrgencyHint = match.UrgencyHint };
        }

        return match.Candidates.Count > 0
            ? new Meaning { Kind = MeaningKind.Choice, Items = [.. match.Candidates.Select(c => new ItemMatch(c, 1, none))], UrgencyHint = match.UrgencyHint }
            : new Meaning { Kind = MeaningKind.Unknown, UrgencyHint = match.UrgencyHint };
    }
}
