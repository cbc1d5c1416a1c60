using System.Globalization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// A tuning item ready to lend what people asked of it (ADR 0083): the catalog file it is of, its name, its name-and-description
/// passage and its labelled sentences encoded as queries.
/// </summary>
internal sealed record Lender(string Catalog, string Name, float[] Passage, float[][] Sentences);

/// <summary>
/// Other catalogs' labelled sentences lent to a like item (ADR 0083, measured): an item whose passage is at least
/// <paramref name="Bar"/> in cosine from a lender's borrows the lender's sentences as extra texts, each weighing its cosine
/// less <paramref name="Step"/>. A catalog never borrows from itself: a lender of the same catalog file, or of a catalog
/// the caller leaves out (the fold's, leave-one-catalog-out), lends nothing. With <paramref name="SameHead"/>, only a lender
/// whose name ends in the same thing (the last word of the name, its brackets left out, singular) lends. <c>--lend θ δ [--lend-head]</c>.
/// </summary>
internal sealed record Lending(float Bar, float Step, bool SameHead = false)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"lend from {Bar:0.##}, less {Step:0.##}{(SameHead ? ", same head" : "")}");

    /// <summary>The thing a name ends in: its last word outside brackets, lower case, a plural's s taken off.</summary>
    public static string Head(string name)
    {
        var bare = name.Split('(')[0];
        var word = bare.Split([' ', ',', ':', '-', '/'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? "";
        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }

    public static bool TryParse(string bar, string step, out Lending? lending)
    {
        lending = float.TryParse(bar, CultureInfo.InvariantCulture, out var b) && float.TryParse(step, CultureInfo.InvariantCulture, out var s) && s >= 0
            ? new Lending(b, s)
            : null;
        return lending is not null;
    }

    /// <summary>Every item of the tuning sets that people asked for, with their sentences, by catalog file and item.</summary>
    public static List<Lender> Lenders(IEnumerable<LabelledSet> tuning, Evaluation evaluation, ISentenceEncoder encoder) =>
    [
        .. from set in tuning
           let items = evaluation.LoadCatalog(set.Catalog).Items
           from asked in set.Utterances.Where(u => u.ItemIndexIn(items) >= 0).GroupBy(u => u.ItemIndexIn(items))
           let item = items[asked.Key]
           select new Lender(set.Catalog, item.Name, encoder.Encode(SemanticIndex.Texts(item).First()), [.. asked.Select(u => encoder.EncodeQuery(u.Text))]),
    ];

    /// <summary>The passage each item is compared on: its name with its description, as <see cref="SemanticIndex"/> reads it.</summary>
    public static float[][] Passages(IReadOnlyList<CatalogItem> items, ISentenceEncoder encoder) =>
        [.. items.Select(i => encoder.Encode(SemanticIndex.Texts(i).First()))];

    /// <summary>
    /// For each item of <paramref name="catalog"/>, the lenders it borrows from: at least <see cref="Bar"/> near it, never of
    /// <paramref name="catalog"/> itself nor of a catalog <paramref name="leftOut"/>.
    /// </summary>
    /// <param name="names">The items' names, read for <see cref="SameHead"/>.</param>
    public List<Lender>[] Borrowed(string catalog, float[][] passages, IEnumerable<Lender> lenders, IReadOnlySet<string> leftOut, IReadOnlyList<string>? names = null)
    {
        var others = lenders.Where(l => !SameCatalog(l.Catalog, catalog) && !leftOut.Any(o => SameCatalog(o, l.Catalog))).ToList();
        return [.. passages.Select((p, i) => others.Where(l => Vectors.Dot(p, l.Passage) >= Bar && (!SameHead || (names is not null && Head(names[i]) == Head(l.Name)))).ToList())];
    }

    /// <summary>Catalog files are the same when their paths are, whatever the separators or case.</summary>
    public static bool SameCatalog(string a, string b) =>
        string.Equals(a.Replace('\\', '/').TrimStart('.', '/'), b.Replace('\\', '/').TrimStart('.', '/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Each item's cosine: the best of its own (<paramref name="own"/>) and of its lent sentences' less <see cref="Step"/>.</summary>
    public float[] Cosines(float[] message, float[] own, List<Lender>[] borrowed)
    {
        var cosines = (float[])own.Clone();
        for (var i = 0; i < borrowed.Length; i++)
        {
            foreach (var lender in borrowed[i])
            {
                foreach (var sentence in lender.Sentences)
                {
                    cosines[i] = Math.Max(cosines[i], Vectors.Dot(sentence, message) - Step);
                }
            }
        }

        return cosines;
    }

    /// <summary>
    /// The readings the encoder read, their item cosines (and the senses' nearest item) with lent sentences; the others as they
    /// were. <paramref name="leftOut"/>: catalogs that lend nothing in this run (the fold's, leave-one-catalog-out).
    /// </summary>
    public List<ReadUtterance> Apply(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation, IReadOnlyList<Lender> lenders, IReadOnlySet<string> leftOut)
    {
        var rewritten = new List<ReadUtterance>(reads.Count);
        foreach (var set in reads.GroupBy(r => r.Set.Catalog))
        {
            var items = evaluation.LoadCatalog(set.Key).Items;
            var borrowed = Borrowed(set.Key, Passages(items, encoder), lenders, leftOut, [.. items.Select(i => i.Name)]);
            rewritten.AddRange(set.Select(r => r.Reading.Cosines is not { } own ? r : r with { Reading = Lent(r.Reading, own, encoder, borrowed) }));
        }

        return rewritten;
    }

    private Reading Lent(Reading reading, float[] own, ISentenceEncoder encoder, List<Lender>[] borrowed)
    {
        var cosines = Cosines(encoder.EncodeQuery(reading.Text), own, borrowed);
        return reading with { Cosines = cosines, Senses = reading.Senses! with { ItemCosine = cosines.Length == 0 ? 0 : cosines.Max() } };
    }
}
