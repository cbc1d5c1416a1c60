namespace ChatRequests.Core.Understanding;

/// <summary>An item and how well the words fit it.</summary>
/// <param name="Named">How well the words say one of the item's names or keywords whole (its quality times its terms), 0 if none.</param>
/// <param name="NamedBy">The phrase that named it, when one did.</param>
/// <param name="NamedExactly">The naming phrase was said in its own words (perhaps misspelt), not through a synonym.</param>
/// <param name="Unexplained">How many of the message's content terms fit the item less than a category word does.</param>
/// <param name="ByAChoice">Its best phrase said is a choice of several words that does not vouch for it ("work tablet" of remote access).</param>
/// <param name="Covered">The largest share of one of its names or keywords the words say (1 for all of "laptop charger", 0.5 for "laptop").</param>
internal sealed record ScoredItem(int Index, double Score, double Named, ItemPhrase? NamedBy, bool NamedExactly, int Unexplained, bool ByAChoice = false, double Covered = 0);

/// <summary>
/// Scores every item of a catalog against the content terms of a message: each term counts once, for the best
/// place it occurs in the item (name and keywords above category and description), less for a synonym, a longer
/// form or a typo, and less the more items it fits; a whole name or keyword said adds a bonus, and more when it is
/// all the message says.
/// </summary>
internal static class ItemScorer
{
    // Below a one-letter typo: a synonym may suggest an item, the words themselves name it.
    private const double SynonymQuality = 0.7;
    /// <summary>Words that say what kind of thing is done, not which thing ("install", "access"): worth less than the thing.</summary>
    private const double GenericQuality = 0.6;
    private const double PhraseBonusPerExtraTerm = 1.5;
    private const double SingleTermPhraseBonus = 0.5;
    private const double WholeMessageBonus = 2.0;
    private const double ChoicePhraseShare = 0.5;
    /// <summary>A phrase counts as said when each of its terms was said at least this well (a long word's two typos).</summary>
    private const double PhraseQuality = 0.5;
    /// <summary>A word that only says what the thing asked for is for ("the office" of "a printer for the office").</summary>
    private const double PurposeShare = 0.5;
    /// <summary>
    /// What the ask does, said in its verb and frame, for the item that is that doing (ADR 0059): about a name's word, so the
    /// install, the password reset or the leaver passes an item that is only the device or system named beside the verb.
    /// </summary>
    private const double ActionBonus = 3.0;
    /// <summary>A term fitting an item at least this well (a category word) counts as fitting it, for how many items a word fits.</summary>
    private const double Fits = 1.0;

    /// <param name="query">The content words that may pick an item.</param>
    /// <param name="message">Every word of the message, in order.</param>
    /// <param name="fitting">
    /// Only when the evaluation asks (ADR 0076), one per item: which of the message's distinct content terms (bit by order, the
    /// first 64) fit the item at least as a category word does.
    /// </param>
    public static List<ScoredItem> Rank(CatalogIndex index, IReadOnlyList<Word> query, IReadOnlyList<Word> message, ulong[]? fitting = null)
    {
        var count = index.Items.Count;
        var totals = new double[count];
        var best = new double[count];
        var explained = new int[count];
        var said = new Dictionary<string, double>(StringComparer.Ordinal);
        // Where in the message each term was said, to tell whether a phrase's other words were said beside it.
        var at = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var distinct = query.DistinctBy(w => w.Term).ToList();
        var purpose = PurposeWords.Find(message).SelectMany(p => p.Purpose).ToHashSet();
        // The English words that may be typos of catalog words (ADR 0072), with what they were read as themselves.
        List<(int At, Word Word, List<int> Positions, double Share, double[] Own)>? english = null;
        for (var k = 0; k < distinct.Count; k++)
        {
            var word = distinct[k];
            Array.Clear(best);
            var positions = Enumerable.Range(0, message.Count).Where(i => message[i].Term == word.Term).ToList();
            var share = positions.Count > 0 && positions.All(purpose.Contains) ? PurposeShare : 1;
            foreach (var (term, quality) in Candidates(index, word))
            {
                Said(term, quality, positions);
                var worth = Worth(term, quality);
                foreach (var (item, weight) in index.Postings(term))
                {
                    best[item] = Math.Max(best[item], weight * worth);
                }
            }

            var rarity = Rarity(best);
            for (var i = 0; i < count; i++)
            {
                totals[i] += best[i] * rarity * share;
                explained[i] += best[i] >= Fits ? 1 : 0;
                if (fitting is not null && best[i] >= Fits)
                {
                    fitting[i] |= Bit(k);
                }
            }

            if (index.MayBeTypoOfEnglish(word))
            {
                (english ??= []).Add((k, word, positions, share, (double[])best.Clone()));
            }
        }

        // "deck phone", "label painter", "the on call lust": an English word one edit from a catalog word is that word
        // where it completes, with words said beside it, a name or keyword of several words (ADR 0072).
        foreach (var (k, word, positions, share, own) in english ?? [])
        {
            Array.Clear(best);
            foreach (var (term, quality) in index.TyposOfEnglish(word))
            {
                var worth = Worth(term, quality);
                var backed = false;
                foreach (var (item, weight) in index.Postings(term))
                {
                    if (Completes(index.Phrases[item], term, said))
                    {
                        best[item] = Math.Max(best[item], weight * worth);
                        backed = true;
                    }
                }

                if (backed)
                {
                    Said(term, quality, positions);
                }
            }

            var rarity = Rarity(best);
            for (var i = 0; i < count; i++)
            {
                var gain = best[i] - own[i];
                if (gain > 0)
                {
                    totals[i] += gain * rarity * share;
                    explained[i] += best[i] >= Fits && own[i] < Fits ? 1 : 0;
                    if (fitting is not null && best[i] >= Fits)
                    {
                        fitting[i] |= Bit(k);
                    }
                }
            }
        }

        // "put Notepad++ on my work pc": the item that is the doing is asked for, beside the thing it is done to.
        var asked = AskedActions.Find(message);
        if (asked != AskedAction.None)
        {
            for (var i = 0; i < count; i++)
            {
                totals[i] += (index.Actions[i] & asked) != 0 ? ActionBonus : 0;
            }
        }

        var ranked = new List<ScoredItem>();
        for (var i = 0; i < count; i++)
        {
            if (totals[i] <= 0)
            {
                continue;
            }

            var (bonus, named, namedBy, exactly, byChoice) = PhraseBonus(index.Phrases[i], said, Beside, OnlyForWhat, distinct.Count, t => index.Postings(t).Length == 1);
            ranked.Add(new ScoredItem(i, totals[i] + bonus, named, namedBy, exactly, distinct.Count - explained[i], byChoice, Covered(index.Phrases[i], said)));
        }

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return ranked;

        // A term read in the message: the best quality it was read at, and where it was said.
        void Said(string term, double quality, List<int> positions)
        {
            said[term] = Math.Max(quality, said.GetValueOrDefault(term));
            (at.TryGetValue(term, out var list) ? list : at[term] = []).AddRange(positions);
        }

        // A phrase said only in the words of what something is for ("add my TA to the module page") says it less.
        bool OnlyForWhat(ItemPhrase phrase) =>
            purpose.Count > 0 && phrase.Terms.All(t => at.GetValueOrDefault(t) is { Count: > 0 } places && places.All(purpose.Contains));

        // "new phone" is said in "got a new phone", not in "new desk phone": a phrase's stop words ("new", "out", "teams")
        // qualify the word they stand beside, with nothing but other stop words between.
        bool Beside(ItemPhrase phrase, string unsaid)
        {
            for (var p = 0; p < message.Count; p++)
            {
                if (message[p].Raw != unsaid)
                {
                    continue;
                }

                foreach (var q in phrase.Terms.SelectMany(t => at.GetValueOrDefault(t) ?? []))
                {
                    var (from, to) = p < q ? (p + 1, q) : (q + 1, p);
                    if (Enumerable.Range(from, to - from).All(i => !message[i].IsContent))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private static ulong Bit(int term) => term < 64 ? 1UL << term : 0;

    /// <summary>What a term read at <paramref name="quality"/> is worth: less for a generic term ("install", "software").</summary>
    private static double Worth(string term, double quality) => Lexicon.GenericTerms.Contains(term) ? quality * GenericQuality : quality;

    /// <summary>What a word is worth by how many items it fits: less the more.</summary>
    private static double Rarity(double[] best)
    {
        var fitting = best.Count(b => b >= Fits);
        return fitting <= 1 ? 1 : 1 / (1 + 0.3 * Math.Log(fitting));
    }

    /// <summary>
    /// Whether <paramref name="term"/> completes one of the item's names or keywords of several words whose other words
    /// were said ("desk" of "desk phone" in "deck phone"; ADR 0072).
    /// </summary>
    private static bool Completes(List<ItemPhrase> phrases, string term, Dictionary<string, double> said) =>
        phrases.Any(p => p.Kind != PhraseKind.Choice && p.Terms.Length > 1 && p.Terms.Contains(term)
            && p.Terms.All(t => t == term || said.GetValueOrDefault(t) >= PhraseQuality));

    /// <summary>How much of its best-said name or keyword the words say, each term by how surely it was said.</summary>
    private static double Covered(List<ItemPhrase> phrases, Dictionary<string, double> said)
    {
        var covered = 0.0;
        foreach (var phrase in phrases)
        {
            if (phrase.Kind == PhraseKind.Choice)
            {
                continue;
            }

            var sum = 0.0;
            foreach (var term in phrase.Terms)
            {
                sum += said.GetValueOrDefault(term);
            }

            covered = Math.Max(covered, sum / phrase.Terms.Length);
        }

        return covered;
    }

    /// <summary>The terms a typed word may mean, with how surely: itself, longer forms and typos of known words, their synonyms.</summary>
    private static Dictionary<string, double> Candidates(CatalogIndex index, Word word)
    {
        var candidates = new Dictionary<string, double>(StringComparer.Ordinal) { [word.Term] = Similarity.Same };
        foreach (var (term, quality) in index.Near(word))
        {
            Add(term, quality);
        }

        foreach (var (term, quality) in candidates.ToArray())
        {
            foreach (var synonym in Lexicon.SynonymsOf(term))
            {
                Add(synonym, quality * SynonymQuality);
            }
        }

        return candidates;

        void Add(string term, double quality) => candidates[term] = Math.Max(quality, candidates.GetValueOrDefault(term));
    }

    /// <summary>The best whole phrase of the item the words said, and the best that names the item (not only a choice of it).</summary>
    /// <param name="onlyHere">Whether a term occurs in this item alone, of the whole catalog.</param>
    private static (double Bonus, double Named, ItemPhrase? NamedBy, bool Exactly, bool ByChoice) PhraseBonus(
        List<ItemPhrase> phrases, Dictionary<string, double> said, Func<ItemPhrase, string, bool> beside, Func<ItemPhrase, bool> onlyForWhat, int queryTerms,
        Func<string, bool> onlyHere)
    {
        var bonus = 0.0;
        var named = 0.0;
        ItemPhrase? namedBy = null;
        var exactly = false;
        var byChoice = false;
        foreach (var phrase in phrases)
        {
            var quality = 1.0;
            foreach (var term in phrase.Terms)
            {
                quality = Math.Min(quality, said.GetValueOrDefault(term));
            }

            if (quality < PhraseQuality || !phrase.Unsaid.All(u => beside(phrase, u)))
            {
                continue;
            }

            // "locked out" said whole counts its two words, though "out" is no term.
            var length = phrase.Terms.Length + phrase.Unsaid.Length;
            var value = length == 1 ? SingleTermPhraseBonus * quality : PhraseBonusPerExtraTerm * (length - 1) * quality;
            // A choice said whole ("home pc") says what kind of the item, less surely which item.
            value *= phrase.Kind == PhraseKind.Choice ? ChoicePhraseShare : 1;
            value *= onlyForWhat(phrase) ? PurposeShare : 1;
            // All the message says, said without a synonym: "laptop" is the laptop, not the developer laptop.
            if (length >= queryTerms && quality >= Similarity.OneEdit && phrase.Kind != PhraseKind.Choice)
            {
                value += WholeMessageBonus * quality;
            }

            if (value > bonus)
            {
                bonus = value;
                byChoice = phrase.Kind == PhraseKind.Choice && length > 1 && !VouchedFor(phrase);
            }

            // A longer form alone ("sharepoint" for "share") adds to the score but does not name the item.
            if ((phrase.Kind != PhraseKind.Choice || (length > 1 && VouchedFor(phrase))) && quality >= SynonymQuality)
            {
                exactly |= quality >= Similarity.OneEdit;
                if (quality * length > named)
                {
                    (named, namedBy) = (quality * length, phrase);
                }
            }
        }

        return (bonus, named, namedBy, exactly, byChoice);

        // A choice names the item only when the thing it is names the item ("request tests" where the item's keyword is
        // "test results"), or beside another of the item's own words ("crash bleep" of a pager): "home pc" or "work
        // laptop" alone may be the device of anything, and a modifier the item's keywords share ("work" of "work from
        // home") does not vouch for it.
        // A choice whose every word only this item has, and no everyday word ("VS Enterprise", "Rider", not "work
        // tablet"), is a product's name: it vouches for the item on its own.
        bool VouchedFor(ItemPhrase choice) =>
            choice.Terms.All(t => onlyHere(t) && !Lexicon.IsKnownTerm(t) && !Lexicon.QualityWords.Contains(t)) || phrases.Any(p => p.Kind != PhraseKind.Choice && p.Terms.Any(t =>
                t == choice.Terms[^1] || (!choice.Terms.Contains(t) && said.GetValueOrDefault(t) >= SynonymQuality)));
    }
}
