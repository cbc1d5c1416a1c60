using System.Runtime.CompilerServices;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Catalog;

/// <summary>
/// What a person's own words matched in the catalog. Exactly one of three outcomes: a clear
/// <see cref="Best"/> item (and no <see cref="Candidates"/>); several close or partial <see cref="Candidates"/>,
/// best first (and no <see cref="Best"/>); or nothing good enough (both empty).
/// </summary>
/// <param name="UrgencyHint">How urgent the words sound ("asap", "no rush"), or null when they do not say.</param>
public sealed record CatalogMatch(CatalogItem? Best, IReadOnlyList<CatalogItem> Candidates, Urgency? UrgencyHint)
{
    public bool IsEmpty => Best is null && Candidates.Count == 0;
}

/// <summary>
/// The older surface of <see cref="LexicalInterpreter"/>, for callers that have not moved to
/// <see cref="IMessageInterpreter"/>: a form, candidates, or nothing (a command, an incident or no match).
/// </summary>
public static class CatalogMatcher
{
    public const int MaxCandidates = MatchDecision.MaxChoices;

    private static readonly ConditionalWeakTable<IReadOnlyList<CatalogItem>, CatalogIndex> Indexes = [];

    public static CatalogMatch Match(string text, IReadOnlyList<CatalogItem> items)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(items);
        var meaning = LexicalInterpreter.Interpret(text, Indexes.GetValue(items, i => new CatalogIndex(i)));
        var found = meaning.Items.Select(m => m.Item).ToList();
        return meaning.Kind switch
        {
            MeaningKind.Item => new CatalogMatch(found[0], [], meaning.UrgencyHint),
            MeaningKind.Choice or MeaningKind.Suggestion => new CatalogMatch(null, found, meaning.UrgencyHint),
            _ => new CatalogMatch(null, [], meaning.UrgencyHint),
        };
    }

    /// <summary>High for "urgent", "asap", "blocked", "can't work"...; Low for "no rush", "next week"...; else null.</summary>
    public static Urgency? FindUrgencyHint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UrgencyWords.Find(text);
    }
}
