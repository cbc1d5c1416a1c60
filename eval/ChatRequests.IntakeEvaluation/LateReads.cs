using System.Diagnostics;
using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The message read word by word against the items (late interaction, ADR 0086; <c>--late</c>, <c>--late-probe</c>): the readings
/// the encoder read get <see cref="ReadingExtras.Late"/> for the sureness's <see cref="SureSignal.LateLead"/>,
/// <see cref="SureSignal.LateNearest"/> or <see cref="SureSignal.LateExplained"/>; the probe says whether it puts the right item
/// nearest more often than the pooled cosine, how well its signals separate a right first candidate from a wrong or "none"
/// one, and what it costs. Totals only.
/// </summary>
internal static class LateReads
{
    /// <summary>The cosines from which a token of an item is said to explain one of the message's, for the probe.</summary>
    private static readonly float[] ExplainsAt = [0.6f, 0.7f, 0.8f];

    /// <summary>What reading every message word by word cost: the largest index's tokens and items, and the time per message.</summary>
    public sealed record Cost(int Tokens, int Items, TimeSpan Reading, int Messages);

    /// <summary>
    /// The readings the encoder read, each with its late reading against its catalog's items (their token vectors once per
    /// catalog); with a <paramref name="mix"/> above 0, each item's cosine becomes (1 - mix) of its pooled cosine and mix of
    /// its MaxSim score (<c>--late-mix</c>: the order too, not only the sureness).
    /// </summary>
    public static (List<ReadUtterance> Reads, Cost Cost) Apply(IReadOnlyList<ReadUtterance> reads, CachedEncoder encoder, Evaluation evaluation, float mix = 0)
    {
        var (tokens, items, messages) = (0, 0, 0);
        var watch = new Stopwatch();
        var rewritten = EncodedReads.Rewritten(reads, evaluation, catalog =>
        {
            var index = new LateIndex([.. catalog.Select(item => SemanticIndex.Texts(item).SelectMany(t => encoder.ContentTokens(t, query: false)).ToArray())]);
            (tokens, items) = index.TokenCount > tokens ? (index.TokenCount, catalog.Count) : (tokens, items);
            return reading =>
            {
                var message = encoder.ContentTokens(reading.Text, query: true);
                watch.Start();
                var late = index.Read(message);
                watch.Stop();
                messages++;
                var extra = ReadingExtras.Of(reading) with { Late = late };
                return mix == 0 ? reading with { Extra = extra }
                    : reading with { Extra = extra, Cosines = [.. reading.Cosines!.Select((c, i) => ((1 - mix) * c) + (mix * late.Scores[i]))] };
            };
        });
        return (rewritten, new Cost(tokens, items, messages == 0 ? TimeSpan.Zero : watch.Elapsed / messages, messages));
    }

    /// <summary>The cost as the ADR states it: the largest catalog's token vectors, scaled to 200 items, and the time per message.</summary>
    public static void PrintCost(Cost cost) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"late interaction: largest catalog {cost.Items} items, {cost.Tokens} token vectors ({cost.Tokens * 384 * 4 / 1024.0 / 1024:0.0} MB as float32; {200.0 * cost.Tokens / Math.Max(1, cost.Items) * 384 * 4 / 1024 / 1024:0.0} MB for 200 such items); MaxSim {cost.Reading.TotalMilliseconds:0.00} ms a message over {cost.Messages} messages (the token inference not counted: the bot's pooled inference gives it)"));

    /// <summary>The item sentences the encoder read whose item is nearest by the pooled cosine, by MaxSim, and by their mean.</summary>
    public static void Order(string title, IReadOnlyList<ReadUtterance> reads)
    {
        var items = reads.Where(r => ReadingExtras.Of(r.Reading).Late is not null && r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)).ToList();
        int Right(Func<ReadUtterance, int, float> score) => items.Count(r =>
        {
            var n = r.Reading.Cosines!.Length;
            var best = Enumerable.Range(0, n).MaxBy(i => score(r, i));
            return r.Utterance.Expect == $"item:{r.Reading.Index.Items[best].Id}";
        });
        Console.WriteLine($"{title}: of {items.Count} item sentences encoded, nearest right by the pooled cosine {Right((r, i) => r.Reading.Cosines![i])}, by MaxSim {Right((r, i) => ReadingExtras.Of(r.Reading).Late!.Scores[i])}, by their mean {Right((r, i) => r.Reading.Cosines![i] + ReadingExtras.Of(r.Reading).Late!.Scores[i])}");
    }

    /// <summary>
    /// Of the weighed first candidates each decided under its calibration: the AUC right vs wrong-or-"none" (and right vs "none"
    /// alone) of the sureness, the words' distinguishing share, MaxSim's lead, nearest, and the share explained at each bar; of
    /// all, of those held back and of those formed.
    /// </summary>
    public static void Probe(string title, IEnumerable<(ReadUtterance Read, MatchCalibration Calibration)> decided)
    {
        var rows = new List<Row>();
        foreach (var (r, calibration) in decided)
        {
            if (!r.Weighed || r.Reading.Cosines is not { } cosines || ReadingExtras.Of(r.Reading).Late is not { } late)
            {
                continue;
            }

            var (p, rule, agreed) = r.Judge(calibration);
            var judged = SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, cosines, calibration);
            var first = judged[0].Item.Index;
            var kind = r.IsAskedFor(judged[0].Item) ? Kind.Right : r.Utterance.Expect == "none" ? Kind.None : Kind.Wrong;
            rows.Add(new Row(kind, p < calibration.SureFormAt(rule, agreed),
                [p, SureSignals.Of(SureSignal.Distinguishing, judged, r.Reading), late.Lead(first), late.Lead(first) > 0 ? 1 : 0, .. ExplainsAt.Select(at => late.Explained(first, at))]));
        }

        Console.WriteLine($"{title} (AUC right vs wrong or none / right vs none alone):");
        Line("  all first candidates", rows);
        Line("  held back (below their bar)", [.. rows.Where(x => x.HeldBack)]);
        Line("  formed", [.. rows.Where(x => !x.HeldBack)]);
    }

    private enum Kind { Right, Wrong, None }

    private sealed record Row(Kind Kind, bool HeldBack, double[] Signals);

    private static void Line(string title, List<Row> rows)
    {
        var names = new[] { "sureness", "distinguishing", "MaxSim lead", "MaxSim nearest" }.Concat(ExplainsAt.Select(at => $"explained at {at}")).ToArray();
        var right = rows.Where(x => x.Kind == Kind.Right).ToList();
        string Auc(int s, IEnumerable<Row> low) => RocArea.Of([.. right.Select(x => x.Signals[s])], [.. low.Select(x => x.Signals[s])]).ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"{title}: {rows.Count} ({right.Count} right, {rows.Count(x => x.Kind == Kind.Wrong)} wrong, {rows.Count(x => x.Kind == Kind.None)} none); "
            + string.Join(", ", names.Select((n, s) => $"{n} {Auc(s, rows.Where(x => x.Kind != Kind.Right))}/{Auc(s, rows.Where(x => x.Kind == Kind.None))}")));
    }
}
