using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// What of the message the encoder reads (ADR 0080, <c>--query-probe</c>, <c>--query-text</c>): of the item sentences, how many
/// have the item asked for nearest by the encoder under each <see cref="QueryReading"/>, of all and of those the bot encodes;
/// and how near the nearest item comes to "none" sentences, commands and incidents. Totals only.
/// </summary>
internal static class QueryProbe
{
    private static readonly QueryChoice[] Variants =
    [
        new(QueryReading.Whole), new(QueryReading.Content), new(QueryReading.BestOfBoth), new(QueryReading.MeanOfBoth),
        new(QueryReading.ContentWhenLong, 5), new(QueryReading.ContentWhenLong, 8), new(QueryReading.ContentWhenLong, 12),
        new(QueryReading.Content, Content: QueryContent.LessFrame), new(QueryReading.BestOfBoth, Content: QueryContent.LessFrame),
        new(QueryReading.MeanOfBoth, Content: QueryContent.LessFrame), new(QueryReading.ContentWhenLong, 8, QueryContent.LessFrame),
    ];

    /// <param name="list">Each item sentence whose nearest item the whole and its content words disagree on (tuning only).</param>
    public static void Run(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation, bool list = false)
    {
        var (first, encodedFirst) = (new int[Variants.Length], new int[Variants.Length]);
        var other = Variants.Select(_ => new Dictionary<string, (double Sum, int N)>()).ToArray();
        var (n, encodedN, changed, framed) = (0, 0, 0, 0);
        foreach (var set in reads.GroupBy(r => r.Set.Catalog))
        {
            var items = evaluation.LoadCatalog(set.Key).Items;
            var semantic = new SemanticIndex(items, encoder);
            foreach (var r in set)
            {
                var kind = r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal) ? "item"
                    : r.Utterance.Expect.StartsWith("command:", StringComparison.Ordinal) ? "command" : r.Utterance.Expect;
                var encoded = r.Reading.Cosines is not null;
                var right = r.Utterance.ItemIndexIn(items);
                if (list && kind == "item" && QueryText.LessFrame(r.Utterance.Text) is { } content)
                {
                    var (whole, own) = (semantic.Cosines(encoder.EncodeQuery(r.Utterance.Text)), semantic.Cosines(encoder.EncodeQuery(content)));
                    var (w, c) = (Array.IndexOf(whole, whole.Max()), Array.IndexOf(own, own.Max()));
                    if (w != c)
                    {
                        Console.WriteLine($"    {(c == right ? "+" : w == right ? "-" : " ")} \"{r.Utterance.Text}\" -> \"{content}\" {r.Utterance.Expect}: whole {items[w].Id}, content {items[c].Id}");
                    }
                }

                (changed, framed) = (changed + (kind == "item" && QueryText.Content(r.Utterance.Text) is not null ? 1 : 0), framed + (kind == "item" && QueryText.LessFrame(r.Utterance.Text) is not null ? 1 : 0));
                (n, encodedN) = kind == "item" ? (n + 1, encodedN + (encoded ? 1 : 0)) : (n, encodedN);
                for (var v = 0; v < Variants.Length; v++)
                {
                    var cosines = QueryText.Cosines(r.Utterance.Text, semantic, encoder, Variants[v]);
                    if (cosines.Length == 0)
                    {
                        continue;
                    }

                    var nearest = Array.IndexOf(cosines, cosines.Max());
                    first[v] += kind == "item" && nearest == right ? 1 : 0;
                    encodedFirst[v] += kind == "item" && nearest == right && encoded ? 1 : 0;
                    var (sum, count) = other[v].GetValueOrDefault(kind);
                    other[v][kind] = (sum + cosines.Max(), count + 1);
                }
            }
        }

        Console.WriteLine($"the item asked for nearest, of {n} item sentences ({changed} with stop words left out, {framed} with a request frame); of the {encodedN} the bot encodes; mean best item cosine by expected kind:");
        for (var v = 0; v < Variants.Length; v++)
        {
            var means = string.Join(", ", other[v].OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value.Sum / k.Value.N:0.000}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Variants[v],-20} {first[v],5} ({(double)first[v] / n:P1})  encoded {encodedFirst[v],4} ({(double)encodedFirst[v] / Math.Max(1, encodedN):P1})  {means}"));
        }
    }
}
