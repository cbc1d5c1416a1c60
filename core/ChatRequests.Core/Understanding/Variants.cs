namespace ChatRequests.Core.Understanding;

/// <summary>
/// Several items that are kinds of one thing ("Laptop" beside "Field edit laptop", "Office laptop" beside "ICA engineering
/// laptop"; ADR 0063). The plain one is the item whose name is the thing alone, or the thing with a word that says it is
/// the ordinary kind ("Standard laptop"); the others are its variants (their name's head is the same thing, with words
/// that say which kind). Asked for the thing and nothing that fits a variant but not the plain item ("I need a new
/// laptop"), people mean the plain one: its form, not a choice among the kinds.
/// </summary>
internal static class Variants
{
    /// <summary>Words a name uses to say "the ordinary kind" (stemmed as the index stems them).</summary>
    private static readonly HashSet<string> Ordinary = new(
        new[] { "standard", "basic", "regular", "normal", "ordinary", "general", "office", "staff", "work", "everyday" }.Select(Tokens.Term),
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a choice is the plain item first and otherwise only its variants the words rank (an item the meaning
    /// alone added, of score 0, aside), and the words say nothing that fits any of those variants and not the plain item.
    /// </summary>
    public static bool PlainAsked(CatalogIndex index, IReadOnlyList<Word> words, IReadOnlyList<ScoredItem> choice)
    {
        if (choice.Count < 2 || Plain(index, choice[0].Index) is not { } head)
        {
            return false;
        }

        var plain = choice[0].Index;
        var variants = choice.Skip(1).Where(s => s.Score > 0).Select(s => s.Index).ToList();
        if (variants.Count == 0 || variants.Any(v => NameHead(index, v) != head))
        {
            return false;
        }

        // The thing itself said: a one-word name or keyword of the plain item ("laptop", "notebook"), not a word of a longer one.
        var things = index.Phrases[plain].Where(p => p.Kind != PhraseKind.Choice && p.Terms.Length == 1).Select(p => p.Terms[0]).ToHashSet(StringComparer.Ordinal);
        if (!words.Any(w => things.Contains(w.Term)))
        {
            return false;
        }

        return !words.Where(w => w.IsContent).Any(w =>
        {
            var postings = index.Postings(w.Term);
            return postings.Any(p => variants.Contains(p.Item)) && !postings.Any(p => p.Item == plain);
        });
    }

    /// <summary>The thing a plain item's name is (its head), or null when its name says a kind.</summary>
    private static string? Plain(CatalogIndex index, int item)
    {
        var name = index.Phrases[item][0];
        var head = NameHead(index, item);
        return head is not null && name.Terms.All(t => t == head || Ordinary.Contains(t)) ? head : null;
    }

    private static string? NameHead(CatalogIndex index, int item) => CatalogIndex.Head(index.Items[item].Name);
}
