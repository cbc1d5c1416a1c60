using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>A labelled utterance read once against its catalog: it can be decided under any calibration.</summary>
/// <param name="Senses">When its senses make a command or a fault: the calibration fitted for the model that read it (ADR 0048).</param>
internal sealed record ReadUtterance(LabelledSet Set, Utterance Utterance, Reading Reading, SenseCalibration Senses)
{
    /// <summary>
    /// Whether the calibration decides it: an item or "none" whose words ranked an item high enough to weigh, or, read
    /// with the encoder, that has candidates (ADR 0041).
    /// </summary>
    public bool Weighed => Reading.Meaning is null && !Reading.Chase
        && (Reading.Cosines is { } cosines ? SentenceLead.Candidates(Reading.Ranked, cosines).Count > 0 : Reading.Ranked.Count > 0 && Reading.Ranked[0].Score >= MatchDecision.MinScore)
        && (Utterance.Expect == "none" || Utterance.Expect.StartsWith("item:", StringComparison.Ordinal));

    /// <summary>Whether a candidate is the item the utterance asks for.</summary>
    public bool IsAskedFor(ScoredItem candidate) => Utterance.Expect == $"item:{Reading.Index.Items[candidate.Index].Id}";

    /// <summary>
    /// The reading decided under a calibration; read with the encoder, the calibration is the encoder's, and a reading
    /// the words were decisive about (not encoded) is decided as the bot decides it, by <see cref="MatchCalibration.Fitted"/>.
    /// </summary>
    /// <param name="trace">Which path held back the first candidate's form (<c>--path-census</c>, ADR 0094).</param>
    public Meaning Decide(MatchCalibration calibration, bool led, DecisionTrace? trace = null) =>
        LexicalInterpreter.Decide(Reading, led && Reading.Cosines is null ? MatchCalibration.Fitted : calibration, Senses, trace);

    /// <summary>The probability of what would be a form, whether the words' rule says form for it and whether the words and the meaning agree on it (ADR 0055).</summary>
    public (double Probability, bool Rule, bool Agreed) Judge(MatchCalibration calibration)
    {
        if (Reading.Cosines is { } cosines)
        {
            var judged = SentenceLead.Judged(Reading.Ranked, Reading.QueryTerms, cosines, calibration);
            return (calibration.Sureness(SentenceLead.SureFeatures(judged, Reading, cosines, calibration.SureExtra)), judged[0].Rule, SentenceLead.Agreed(judged, Reading, cosines));
        }

        return (calibration.Probability(MatchFeatures.Of(Reading.Ranked, Reading.QueryTerms)), MatchDecision.RuleSaysForm(Reading.Ranked), false);
    }

    /// <summary>Whether the top of the ranking is the item the utterance asks for.</summary>
    public bool TopIsRight => Reading.Ranked.Count > 0 && Utterance.Expect == $"item:{Reading.Index.Items[Reading.Ranked[0].Index].Id}";
}

/// <summary>What the fit reaches first, in the goals' order: wrong forms at most <paramref name="WrongForm"/>, abstention on "none" at least <paramref name="Abstention"/>.</summary>
internal sealed record Targets(double WrongForm, double Abstention);

/// <summary>
/// Fits the match calibration (ADR 0037) on labelled utterances: the logistic weights by maximum likelihood (L2
/// regularised, Newton's method), then the two form thresholds and the choice band for the goals in their order: wrong
/// forms and abstention within their targets first (<see cref="FitOptions.GoalTargets"/>, or a margin below the goals), then
/// top-1, then reachable; never losing a figure against the rule alone on the utterances fitted on, nor withholding
/// a form the rule gives (unless the goals alone decide, <c>--goals-first</c>). Leave-one-catalog-out fits it on all catalogs but one and scores that one.
/// </summary>
internal static class Calibration
{
    private const double Ridge = 1.0;
    private const int NewtonSteps = 30;

    private static readonly double[] FormThresholds = [.. Enumerable.Range(0, 30).Select(i => 0.45 + (i * 0.02)), 2];
    private static readonly double[] RuleThresholds = [.. Enumerable.Range(0, 30).Select(i => i * 0.03)];
    // Widest last: with the same figures, the shorter choice wins.
    private static readonly double[] WordBands = [0.6, 0.5, 0.4, 0.3];
    /// <summary>The sentence-led decision's band is a share of the first candidate's probability: it may reach further down.</summary>
    private static readonly double[] LedBands = [0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    /// <summary>The band the rule offered runners-up in before the calibration.</summary>
    private const double RuleBand = 0.6;

    /// <summary>Reads every utterance of the sets once.</summary>
    /// <param name="decisiveAt">From which probability the words' rule form is not encoded (<see cref="SentenceLead.DecisiveAt"/>).</param>
    /// <param name="parts">Whether a message of several sentences is read by its parts too (ADR 0078).</param>
    /// <param name="noneLead">When given, the "none" lead of the senses instead of the stored one (ADR 0050).</param>
    public static List<ReadUtterance> Read(Evaluation evaluation, IEnumerable<LabelledSet> sets, ISentenceEncoder? encoder = null, double decisiveAt = SentenceLead.DecisiveAt, float? noneLead = null, PartsReading parts = MessageParts.Default) =>
    [
        .. sets.SelectMany(set =>
        {
            var interpreter = new LexicalInterpreter(evaluation.LoadCatalog(set.Catalog), encoder) { DecisiveAt = decisiveAt, ReadEncoded = MessageParts.Reader(encoder, parts) };
            interpreter.Prepare();
            var stored = encoder switch
            {
                null => SenseCalibration.Fitted,
                // Only --fit-senses reads with a pair weight that has no senses fitted, and it decides with its own (Program refuses the rest).
                PairedEncoder pair => pair.Senses ?? SenseCalibration.Off,
                _ => EncoderCalibration.For(encoder.Model).Senses,
            };
            var senses = noneLead is { } lead ? stored with { NoneLead = lead } : stored;
            return set.Utterances.Select(u => new ReadUtterance(set, u, interpreter.Read(u.Text), senses));
        }),
    ];

    /// <summary>The figures of utterances decided under a calibration.</summary>
    /// <param name="led">Whether the calibration is the encoder's (ADR 0041).</param>
    public static Figures Score(IEnumerable<ReadUtterance> reads, MatchCalibration calibration, bool led) =>
        reads.Aggregate(Figures.Empty, (sum, r) => sum + Evaluation.Score(r.Utterance, r.Decide(calibration, led)));

    /// <param name="led">Whether the readings are the encoder's and the calibration fitted is its (ADR 0041).</param>
    /// <param name="options">How it is fitted: the targets, the goals' order, the agreed bar and the sentence-led model's shape.</param>
    public static MatchCalibration Fit(IReadOnlyList<ReadUtterance> training, bool led, FitOptions options)
    {
        var (aim, goalsFirst) = (options.Targets, options.GoalsFirst);
        var weighed = training.Where(r => r.Weighed && (!led || r.Reading.Cosines is not null)).ToList();
        var bands = led ? LedBands : WordBands;
        var model = Model(weighed, led, options);
        // Bars fitted out of fold (ADR 0085): each sentence decided, for the bars only, by a fit that never saw its catalog.
        // By catalog, not by set: a development catalog may have several files (--fit-on tuning+dev).
        var outOfFold = led ? OutOfFold.Models(weighed, r => Evaluation.CatalogName(r.Set.Catalog), options.CrossFit, w => Model(w, led, options)) : [];
        var judges = led && options.CrossFittedBars ? Judges(weighed, model, options.SureShape) : [];
        // Each utterance's figures as a form and, per band, as no form: the grid below only adds them up.
        var cases = training.Select(r =>
        {
            var decider = outOfFold.GetValueOrDefault(Evaluation.CatalogName(r.Set.Catalog), model);
            var judged = weighed.Contains(r) ? r.Judge(judges.GetValueOrDefault(r.Set.Name, decider)) : (double.NaN, false, false);
            return new Case(
                judged.Item1,
                judged.Item2,
                judged.Item3,
                Counts.Of(Evaluation.Score(r.Utterance, r.Decide(decider with { FormAt = 0, RuleFormAt = 0, CloseBand = bands[0] }, led))),
                [.. bands.Select(b => Counts.Of(Evaluation.Score(r.Utterance, r.Decide(decider with { FormAt = 2, RuleFormAt = 2, CloseBand = b }, led))))]);
        }).ToList();
        // The rule alone (no probability) on the same utterances: the fit may not lose any figure against it.
        var rule = cases.Aggregate(default(Counts), (sum, c) => sum + (c.Rule ? c.Form : c.NoForm[Array.IndexOf(bands, RuleBand)]));
        (double FormAt, double RuleFormAt, double Band, Counts Counts)? best = null;
        foreach (var formAt in FormThresholds)
        {
            // The rule's forms stand unless the goals alone decide: on catalogs nobody fitted on, a bar for the rule's
            // forms withheld clear ones ("a laptop for the office" beside a laptop charger and an office suite).
            foreach (var ruleFormAt in goalsFirst ? RuleThresholds.Where(t => t <= formAt) : [0.0])
            {
                for (var b = 0; b < bands.Length; b++)
                {
                    var counts = Sum(cases, formAt, ruleFormAt, null, b);
                    if ((goalsFirst || counts.NoWorseThan(rule)) && (best is null || counts.Better(best.Value.Counts, aim)))
                    {
                        best = (formAt, ruleFormAt, bands[b], counts);
                    }
                }
            }
        }

        // The bar of a first candidate the words and the meaning agree on (ADR 0055), below the others: only where it adds
        // right forms and no wrong one, nor a form for a "none", on what it is fitted on.
        var (chosen, agreedAt) = (best!.Value, (double?)null);
        if (led && options.AgreedBar)
        {
            var band = Array.IndexOf(bands, chosen.Band);
            foreach (var at in FormThresholds.Concat(RuleThresholds).Where(t => t < Math.Max(chosen.FormAt, chosen.RuleFormAt)).Distinct().OrderDescending())
            {
                var counts = Sum(cases, chosen.FormAt, chosen.RuleFormAt, at, band);
                if (counts.WrongForms <= chosen.Counts.WrongForms && counts.Abstained >= chosen.Counts.Abstained && counts.Top1 > chosen.Counts.Top1)
                {
                    (chosen, agreedAt) = (chosen with { Counts = counts }, at);
                }
            }
        }

        return model with { FormAt = chosen.FormAt, RuleFormAt = chosen.RuleFormAt, CloseBand = chosen.Band, AgreedFormAt = agreedAt };
    }

    /// <summary>The weights (the candidates' and, led, the sureness's) fitted on the weighed sentences, without bars.</summary>
    private static MatchCalibration Model(IReadOnlyList<ReadUtterance> weighed, bool led, FitOptions options)
    {
        var weights = led ? CandidateWeights(weighed, options.Listwise) : Logistic(
            [.. weighed.Select(r => MatchFeatures.Of(r.Reading.Ranked, r.Reading.QueryTerms))], [.. weighed.Select(r => r.TopIsRight ? 1.0 : 0.0)]);
        var sure = led ? Sure(weighed, new MatchCalibration(weights, 0, 0, 0), options.SureShape, options.SureSignal) : default;
        return new MatchCalibration(weights, 0, 0, 0, sure.Weights, SureExtra: SureExtra.Of(led ? options.SureSignal : SureSignal.None, sure.Trees));
    }

    /// <summary>
    /// The weights of "this candidate is the one asked for" (<see cref="SentenceLead.Features"/>): every candidate of
    /// every weighed reading is a case, right when it is the item asked for; <paramref name="listwise"/>, then refitted for
    /// their order within each message (ADR 0073).
    /// </summary>
    private static double[] CandidateWeights(IReadOnlyList<ReadUtterance> weighed, bool listwise)
    {
        var rows = weighed.SelectMany(r => SentenceLead.Candidates(r.Reading.Ranked, r.Reading.Cosines!)
            .Select(c => (Features: SentenceLead.Features(c, r.Reading.Ranked, r.Reading.QueryTerms, r.Reading.Cosines!), Right: r.IsAskedFor(c) ? 1.0 : 0.0)))
            .ToList();
        var pointwise = Logistic([.. rows.Select(r => r.Features)], [.. rows.Select(r => r.Right)]);
        if (!listwise)
        {
            return pointwise;
        }

        // The order: which candidate of a message is the one asked for, fitted among the message's own candidates
        // (a conditional logit over the messages with the item among them); then how likely, from that score alone.
        var groups = weighed.Select(r => SentenceLead.Candidates(r.Reading.Ranked, r.Reading.Cosines!)
            .Select(c => (Features: SentenceLead.Features(c, r.Reading.Ranked, r.Reading.QueryTerms, r.Reading.Cosines!), Right: r.IsAskedFor(c))).ToList())
            .Where(g => g.Count > 1 && g.Count(c => c.Right) == 1)
            .Select(g => (Features: g.Select(c => c.Features).ToArray(), Right: g.FindIndex(c => c.Right)))
            .ToList();
        var order = ConditionalLogit(groups, pointwise);
        var scale = Logistic([.. rows.Select(r => new[] { 1, Dot(order, r.Features) })], [.. rows.Select(r => r.Right)]);
        return [.. order.Select((w, i) => (i == 0 ? scale[0] : 0) + (scale[1] * w))];
    }

    /// <summary>A row's log odds under the weights <paramref name="w"/>.</summary>
    private static double Dot(double[] w, double[] x)
    {
        var z = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            z += w[i] * x[i];
        }

        return z;
    }

    /// <summary>
    /// The weights under which the right candidate of each group is the most likely by a softmax over the group (Newton's
    /// method, L2 penalty on every weight; the bias cancels within a group and stays 0), started from <paramref name="start"/>.
    /// </summary>
    internal static double[] ConditionalLogit(IReadOnlyList<(double[][] Features, int Right)> groups, IReadOnlyList<double> start)
    {
        var n = groups[0].Features[0].Length;
        var w = start.ToArray();
        w[0] = 0;
        for (var step = 0; step < NewtonSteps; step++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                gradient[i] = i == 0 ? 0 : Ridge * w[i];
                hessian[i, i] = i == 0 ? 1 : Ridge;
            }

            foreach (var (x, right) in groups)
            {
                var z = x.Select(f => Dot(w, f)).ToArray();
                var max = z.Max();
                var e = z.Select(v => Math.Exp(v - max)).ToArray();
                var sum = e.Sum();
                var p = e.Select(v => v / sum).ToArray();
                var mean = new double[n];
                for (var k = 0; k < x.Length; k++)
                {
                    for (var i = 0; i < n; i++)
                    {
                        mean[i] += p[k] * x[k][i];
                    }
                }

                for (var i = 1; i < n; i++)
                {
                    gradient[i] += mean[i] - x[right][i];
                }

                for (var k = 0; k < x.Length; k++)
                {
                    for (var i = 1; i < n; i++)
                    {
                        for (var j = 1; j < n; j++)
                        {
                            hessian[i, j] += p[k] * (x[k][i] - mean[i]) * (x[k][j] - mean[j]);
                        }
                    }
                }
            }

            var delta = Solve(hessian, gradient);
            for (var i = 1; i < n; i++)
            {
                w[i] -= delta[i];
            }
        }

        return w;
    }

    /// <summary>For cross-fitted bars (<see cref="FitOptions.CrossFittedBars"/>), per training catalog the model whose sureness is fitted without it; none for one catalog.</summary>
    private static Dictionary<string, MatchCalibration> Judges(List<ReadUtterance> weighed, MatchCalibration model, SureShape shape)
    {
        var names = weighed.Select(r => r.Set.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        if (names.Count < 2)
        {
            return [];
        }

        var ordering = model with { SureWeights = null, SureExtra = SureExtra.Of(model.SureSignal(), null) };
        return names.ToDictionary(name => name, name =>
        {
            var (weights, trees) = Sure([.. weighed.Where(r => r.Set.Name != name)], ordering, shape, model.SureSignal());
            return model with { SureWeights = weights, SureExtra = SureExtra.Of(model.SureSignal(), trees) };
        });
    }

    /// <summary>
    /// How sure the first candidate is (<see cref="SentenceLead.SureFeatures"/>): right when it is the item asked for; a
    /// logistic regression and, by its <paramref name="shape"/> (ADR 0075), boosted trees on top of it or alone (then the weights are the base rate's bias);
    /// the features end with the <paramref name="signal"/>'s, if any (ADR 0076).
    /// </summary>
    private static (double[] Weights, List<SureTree>? Trees) Sure(IReadOnlyList<ReadUtterance> weighed, MatchCalibration ordering, SureShape shape, SureSignal signal)
    {
        var rows = weighed.Select(r =>
        {
            var judged = SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, r.Reading.Cosines!, ordering);
            return (Features: SentenceLead.SureFeatures(judged, r.Reading, r.Reading.Cosines!, SureExtra.Of(signal, null)), Right: r.IsAskedFor(judged[0].Item) ? 1.0 : 0.0);
        }).ToList();
        var (x, y) = (rows.Select(r => r.Features).ToList(), rows.Select(r => r.Right).ToList());
        if (shape == SureShape.Logistic)
        {
            return (Logistic(x, y), null);
        }

        var weights = new double[x[0].Length];
        if (shape == SureShape.LogisticAndTrees)
        {
            weights = Logistic(x, y);
        }
        else
        {
            var rate = Math.Clamp(y.Average(), 1e-3, 1 - 1e-3);
            weights[0] = Math.Log(rate / (1 - rate));
        }

        return (weights, SureBoost.Fit(x, y, [.. x.Select(f => Dot(weights, f))], depth: shape == SureShape.Stumps ? 1 : 2));
    }

    /// <summary>For each catalog, the calibration fitted on the others and its figures on that catalog; and their sum.</summary>
    public static (List<(string Name, MatchCalibration Calibration, Figures Figures)> Rows, Figures Total) LeaveOneCatalogOut(
        IReadOnlyList<ReadUtterance> reads, bool led, FitOptions options)
    {
        var rows = reads.Select(r => r.Set.Name).Distinct().Order(StringComparer.Ordinal).Select(name =>
        {
            var calibration = Fit([.. reads.Where(r => r.Set.Name != name)], led, options);
            return (name, calibration, Score(reads.Where(r => r.Set.Name == name), calibration, led));
        }).ToList();
        return (rows, rows.Aggregate(Figures.Empty, (sum, r) => sum + r.Item3));
    }

    /// <summary>The calibration as the line of <c>MatchCalibration.Fitted</c>.</summary>
    public static string Describe(MatchCalibration calibration) =>
        FormattableString.Invariant($"new([{Numbers(calibration.Weights)}], {calibration.FormAt:0.####}, {calibration.RuleFormAt:0.####}, {calibration.CloseBand}{(calibration.SureWeights is { } sure ? $", [{Numbers(sure)}]" : "")}{(calibration.AgreedFormAt is { } agreed ? $", AgreedFormAt: {agreed:0.####}" : "")}{(calibration.SureTrees() is { } trees ? $", SureTrees: [{string.Join(", ", trees.Select(Tree))}]" : "")}{(calibration.SureSignal() is not SureSignal.None ? $", SureSignal: SureSignal.{calibration.SureSignal()}" : "")})");

    private static string Tree(SureTree t) =>
        FormattableString.Invariant($"new({t.Feature}, {t.At:0.####}, new({t.Below.Feature}, {t.Below.At:0.####}, {t.Below.BelowValue:0.####}, {t.Below.AboveValue:0.####}), new({t.Above.Feature}, {t.Above.At:0.####}, {t.Above.BelowValue:0.####}, {t.Above.AboveValue:0.####}))");

    private static string Numbers(IEnumerable<double> weights) => string.Join(", ", weights.Select(w => w.ToString("0.####", CultureInfo.InvariantCulture)));

    private sealed record Case(double Probability, bool Rule, bool Agreed, Counts Form, Counts[] NoForm);

    /// <summary>The figures of the cases under the bars and the band's index.</summary>
    private static Counts Sum(List<Case> cases, double formAt, double ruleFormAt, double? agreedAt, int band)
    {
        var counts = default(Counts);
        foreach (var c in cases)
        {
            var bar = Math.Min(c.Rule ? ruleFormAt : formAt, c.Agreed && agreedAt is { } at ? at : double.MaxValue);
            counts += c.Probability >= bar ? c.Form : c.NoForm[band];
        }

        return counts;
    }

    /// <summary>The item figures the fit weighs, as counts (hits and cases of top-1, reachable, wrong form, abstention).</summary>
    private readonly record struct Counts(int Top1, int Items, int Reachable, int WrongForms, int Weighed, int Abstained, int Nones)
    {
        public static Counts Of(Figures f) =>
            new(f.Top1.Hits, f.Top1.Cases, f.Reachable.Hits, f.WrongForm.Hits, f.WrongForm.Cases, f.Abstention.Hits, f.Abstention.Cases);

        public static Counts operator +(Counts a, Counts b) => new(
            a.Top1 + b.Top1, a.Items + b.Items, a.Reachable + b.Reachable, a.WrongForms + b.WrongForms, a.Weighed + b.Weighed,
            a.Abstained + b.Abstained, a.Nones + b.Nones);

        public bool NoWorseThan(Counts other) =>
            Top1 >= other.Top1 && Reachable >= other.Reachable && WrongForms <= other.WrongForms && Abstained >= other.Abstained;

        /// <summary>The goals in their order: within the wrong-form and abstention targets, then more top-1, then more reachable.</summary>
        public bool Better(Counts other, Targets targets)
        {
            var (mine, theirs) = (Shortfall(targets), other.Shortfall(targets));
            if (Math.Abs(mine - theirs) > 1e-12)
            {
                return mine < theirs;
            }

            return Top1 != other.Top1 ? Top1 > other.Top1 : Reachable > other.Reachable;
        }

        private double Shortfall(Targets targets) =>
            Math.Max(0, ((double)WrongForms / Math.Max(1, Weighed)) - targets.WrongForm)
            + Math.Max(0, targets.Abstention - ((double)Abstained / Math.Max(1, Nones)));
    }

    /// <summary>Logistic regression by Newton's method with an L2 penalty on every weight but the first (the bias).</summary>
    public static double[] Logistic(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
    {
        var n = x[0].Length;
        var w = new double[n];
        for (var step = 0; step < NewtonSteps; step++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                gradient[i] = i == 0 ? 0 : Ridge * w[i];
                hessian[i, i] = i == 0 ? 1e-9 : Ridge;
            }

            for (var k = 0; k < x.Count; k++)
            {
                var p = 1 / (1 + Math.Exp(-Dot(w, x[k])));
                for (var i = 0; i < n; i++)
                {
                    gradient[i] += (p - y[k]) * x[k][i];
                    for (var j = 0; j < n; j++)
                    {
                        hessian[i, j] += p * (1 - p) * x[k][i] * x[k][j];
                    }
                }
            }

            var delta = Solve(hessian, gradient);
            for (var i = 0; i < n; i++)
            {
                w[i] -= delta[i];
            }
        }

        return w;
    }

    /// <summary>Solves a x = b by Gaussian elimination with partial pivoting (a and b are overwritten).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var j = 0; j < n; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var j = col; j < n; j++)
                {
                    a[r, j] -= factor * a[col, j];
                }

                b[r] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var j = r + 1; j < n; j++)
            {
                sum -= a[r, j] * x[j];
            }

            x[r] = sum / a[r, r];
        }

        return x;
    }
}
