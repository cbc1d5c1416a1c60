using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>The shape of the sentence-led decision's sureness (ADR 0075, <c>--sure-shape</c>).</summary>
internal enum SureShape
{
    /// <summary>One logistic regression over <see cref="SentenceLead.SureFeatures"/> (ADR 0041).</summary>
    Logistic,

    /// <summary>Boosted depth-2 trees alone, from the base rate.</summary>
    Trees,

    /// <summary>The logistic regression, then boosted depth-2 trees on what it leaves (its log odds the trees' start).</summary>
    LogisticAndTrees,

    /// <summary>Boosted stumps (depth-1 trees) alone, from the base rate: a sum of steps of single features, no interaction.</summary>
    Stumps,
}

/// <summary>
/// Gradient boosting of depth-2 regression trees for the log loss (ADR 0075): each round fits a tree to the gradient
/// and curvature of the loss by exact greedy splits (every boundary between two distinct values of a feature, the
/// first best kept: no randomness), its leaves Newton steps with an L2 penalty, shrunk before they are added.
/// </summary>
internal static class SureBoost
{
    public const int Rounds = 40;
    public const double Shrinkage = 0.1;
    private const double Lambda = 1.0;
    /// <summary>The least curvature (about a count of cases at p = 0.5, times 0.25) on either side of a split.</summary>
    private const double MinCurvature = 2.0;

    /// <summary>The trees whose values, added to <paramref name="start"/> (each row's log odds), fit <paramref name="y"/>.</summary>
    /// <param name="depth">2, or 1 for stumps (a tree whose two sides are leaves).</param>
    public static List<SureTree> Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double[] start, int depth = 2, int rounds = Rounds, double shrinkage = Shrinkage)
    {
        var n = x.Count;
        var features = x[0].Length;
        var sorted = Enumerable.Range(0, features)
            .Select(f => Enumerable.Range(0, n).OrderBy(k => x[k][f]).ThenBy(k => k).ToArray())
            .ToArray();
        var z = start.ToArray();
        var trees = new List<SureTree>();
        var (g, h) = (new double[n], new double[n]);
        var all = Enumerable.Repeat(true, n).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < n; k++)
            {
                var p = 1 / (1 + Math.Exp(-z[k]));
                (g[k], h[k]) = (p - y[k], Math.Max(1e-6, p * (1 - p)));
            }

            var root = Best(x, g, h, sorted, all);
            if (root is null)
            {
                break;
            }

            var (feature, at) = root.Value;
            var below = all.Select((_, k) => x[k][feature] < at).ToArray();
            var above = below.Select(b => !b).ToArray();
            var tree = new SureTree(feature, at, Split(x, g, h, sorted, below, shrinkage, depth > 1), Split(x, g, h, sorted, above, shrinkage, depth > 1));
            trees.Add(tree);
            for (var k = 0; k < n; k++)
            {
                z[k] += tree.Value(x[k]);
            }
        }

        return trees;
    }

    /// <summary>The best split of the cases in <paramref name="within"/> and its two leaves, or one leaf when none is worth it.</summary>
    private static SureSplit Split(IReadOnlyList<double[]> x, double[] g, double[] h, int[][] sorted, bool[] within, double shrinkage, bool deeper)
    {
        if (!deeper || Best(x, g, h, sorted, within) is not { } split)
        {
            var leaf = Leaf(g, h, within, _ => true) * shrinkage;
            return new SureSplit(0, 0, leaf, leaf);
        }

        return new SureSplit(
            split.Feature,
            split.At,
            Leaf(g, h, within, k => x[k][split.Feature] < split.At) * shrinkage,
            Leaf(g, h, within, k => x[k][split.Feature] >= split.At) * shrinkage);
    }

    private static double Leaf(double[] g, double[] h, bool[] within, Func<int, bool> side)
    {
        var (sg, sh) = (0.0, 0.0);
        for (var k = 0; k < g.Length; k++)
        {
            if (within[k] && side(k))
            {
                (sg, sh) = (sg + g[k], sh + h[k]);
            }
        }

        return -sg / (sh + Lambda);
    }

    /// <summary>The feature and bar that most lower the penalised loss of the cases within, if any split lowers it.</summary>
    private static (int Feature, double At)? Best(IReadOnlyList<double[]> x, double[] g, double[] h, int[][] sorted, bool[] within)
    {
        var (tg, th) = (0.0, 0.0);
        for (var k = 0; k < g.Length; k++)
        {
            if (within[k])
            {
                (tg, th) = (tg + g[k], th + h[k]);
            }
        }

        var parent = tg * tg / (th + Lambda);
        (int Feature, double At)? best = null;
        var bestGain = 1e-9;
        for (var f = 0; f < sorted.Length; f++)
        {
            var (lg, lh) = (0.0, 0.0);
            var previous = double.NaN;
            foreach (var k in sorted[f])
            {
                if (!within[k])
                {
                    continue;
                }

                var value = x[k][f];
                if (!double.IsNaN(previous) && value > previous && lh >= MinCurvature && th - lh >= MinCurvature)
                {
                    var gain = (lg * lg / (lh + Lambda)) + ((tg - lg) * (tg - lg) / (th - lh + Lambda)) - parent;
                    if (gain > bestGain)
                    {
                        (bestGain, best) = (gain, (f, (previous + value) / 2));
                    }
                }

                (lg, lh, previous) = (lg + g[k], lh + h[k], value);
            }
        }

        return best;
    }
}
