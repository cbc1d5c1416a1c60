using System.Globalization;
using ChatRequests.Core.Understanding;
using ChatRequests.Encoder;
using ChatRequests.SentenceEncoding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The evaluation's command line, parsed once by <see cref="Parse"/>: each property is the flag of its name (what each
/// measures: the head of Program.cs and the ADR it names). Immutable: every run reads the same settings, and every fit
/// the same <see cref="FitOptions"/>.
/// </summary>
internal sealed record EvalOptions
{
    public string Part { get; init; } = "all";
    public bool Failures { get; init; }
    public bool MissKinds { get; init; }
    public bool Loco { get; init; }
    public bool Fit { get; init; }
    public FitOptions FitOptions { get; init; } = FitOptions.Default;
    public bool WithEncoder { get; init; }
    public double DecisiveAt { get; init; } = SentenceLead.DecisiveAt;
    public float? NoneLead { get; init; }
    public bool EncoderFidelity { get; init; }
    public bool EncoderProbe { get; init; }
    public bool FitSenses { get; init; }
    public PartsReading PartsReading { get; init; } = MessageParts.Default;
    public bool PartsProbe { get; init; }
    public QueryChoice? QueryText { get; init; }
    public bool QueryProbe { get; init; }
    public bool SecondOpinion { get; init; }
    public bool SecondProbe { get; init; }
    public bool CatalogShape { get; init; }
    public bool CatalogShapeProbe { get; init; }
    public bool Late { get; init; }
    public bool LateProbe { get; init; }
    public float LateMix { get; init; }
    public bool RankProbe { get; init; }
    public bool PathCensus { get; init; }
    public HubCorrection? Hub { get; init; }
    public FitOn FitOn { get; init; } = FitOn.Tuning;
    public Targets? BTargets { get; init; }
    public bool LocoAll { get; init; }
    public bool HubProbe { get; init; }
    public bool AdapterProbe { get; init; }
    public AdapterShape? Adapter { get; init; }
    public bool LendProbe { get; init; }
    public Lending? Lend { get; init; }
    public SelfScale? SelfCalibrate { get; init; }
    public bool SelfProbe { get; init; }
    public SelfQuestions SelfQuestions { get; init; }
    public bool ReachProbe { get; init; }
    public bool DevChoice { get; init; }
    public bool PairProbe { get; init; }
    public bool SureProbe { get; init; }
    public bool OrderProbe { get; init; }
    public bool FormProbe { get; init; }
    public bool Paired { get; init; }
    public float PairWeight { get; init; } = PairedEncoder.MeanWeight;
    public SentenceModel Model { get; init; } = SentenceModel.ByShortName[SentenceEncoderOptions.DefaultModelName];

    /// <summary>Whether the run loads the sentence encoder: asked for, or implied by what it measures.</summary>
    public bool ReadsWithEncoder => WithEncoder || EncoderProbe || FitSenses || DevChoice || PartsProbe;

    /// <summary>
    /// The one part a probe reads: the development sets when asked for, the tuning part otherwise. Never the held-out part,
    /// whatever <c>--part</c> says (nothing may be tuned against it).
    /// </summary>
    public string ProbedPart => Part == LabelledSet.Development ? LabelledSet.Development : LabelledSet.Tuning;

    /// <summary>The usage line, built from the table of flags so that it names every flag <see cref="Parse"/> knows.</summary>
    public static string Usage { get; } =
        "Usage: dotnet run --project eval/ChatRequests.IntakeEvaluation -- " + string.Join(" ", Flags().Select(f => f.Values.Length == 0 ? $"[{f.Name}]" : $"[{f.Name} {f.Values}]"));

    /// <summary>The options, or the error naming the flag that is unknown, lacks its values or asks for what the others refuse.</summary>
    public static (EvalOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new EvalOptions();
        var flags = Flags().ToDictionary(f => f.Name, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!flags.TryGetValue(args[i], out var flag))
            {
                return (null, $"unknown flag {args[i]}");
            }

            if (flag.Apply(options, args, i + 1) is not var (next, taken))
            {
                return (null, $"{flag.Name} takes {flag.Values}");
            }

            (options, i) = (next, i + taken);
        }

        // The signals read from the second model imply it (ADR 0082).
        options = options with
        {
            SecondOpinion = options.SecondOpinion || options.FitOptions.SureSignal is SureSignal.SecondNearest or SureSignal.SecondLead or SureSignal.SecondCosine,
            CatalogShape = options.CatalogShape || CatalogShapeReading.IsOne(options.FitOptions.SureSignal),
            // And the late-interaction signals the message read word by word (ADR 0086).
            Late = options.Late || options.FitOptions.SureSignal is SureSignal.LateLead or SureSignal.LateNearest or SureSignal.LateExplained,
        };
        return options.Refusal() is { } refusal ? (null, refusal) : (options, null);
    }

    /// <summary>What the flags ask for together that cannot be measured, said before any model is loaded.</summary>
    private string? Refusal()
    {
        if (!Paired && PairWeight != PairedEncoder.MeanWeight)
        {
            return "--pair-weight weighs the two models of --model Both only";
        }

        if (Paired && !FitSenses && !PairedEncoder.FittedSenses.ContainsKey(PairWeight))
        {
            // Read with another weight's senses, a pair's figures would not be its own (ADR 0071); --fit-senses fits them.
            return FormattableString.Invariant($"--pair-weight {PairWeight}: no senses are fitted for it (PairedEncoder.FittedSenses has {string.Join(", ", PairedEncoder.FittedSenses.Keys)}); --fit-senses --model Both --pair-weight {PairWeight} fits them");
        }

        if (Paired && OrderProbe && !Fit)
        {
            // Without --fit the order probe scores the development sets with the model's stored calibration, and the pair has none.
            return "--model Both --order-probe needs --fit (the pair has no stored calibration)";
        }

        if (Paired && !(Fit || Loco || DevChoice || FitSenses))
        {
            // The bot's interpreter reads with a model's stored calibrations; the pair has none there (ADR 0071).
            return "--model Both is measured by --fit, --loco, --dev-choice and --fit-senses only";
        }

        if (Lend is { Bar: float.NaN })
        {
            return "--lend-head needs --lend BAR STEP";
        }

        if (SelfQuestions != SelfQuestions.Texts && !(SelfProbe || SelfCalibrate is not null))
        {
            return "--self-questions needs --self-probe or --self-calibrate";
        }

        if (SelfCalibrate is not null && !(Loco || DevChoice))
        {
            // Elsewhere it would fall through to the whole evaluation, held-out part included (ADR 0087).
            return "--self-calibrate is measured by --loco and --dev-choice only";
        }

        if (Lend is not null && !(Loco || DevChoice))
        {
            // Elsewhere it would fall through to the whole evaluation, held-out part included (ADR 0083).
            return "--lend is measured by --loco and --dev-choice only";
        }

        if (FitOptions.CrossFittedBars && FitOptions.CrossFit != CrossFit.None)
        {
            return "--cross-fitted-bars and --cross-fit are two ways of fitting the bars out of fold: one at a time";
        }

        if (LateProbe && LateMix > 0)
        {
            // The probe compares the pooled cosine with MaxSim; mixed, the pooled cosine is gone.
            return "--late-probe reads the pooled cosines, which --late-mix replaces";
        }

        if (Late && (Paired || !(Loco || DevChoice)))
        {
            // Elsewhere it would fall through to the whole evaluation, held-out part included; the pair has no token vectors.
            return "--late (and the Late signals) is measured by --loco and --dev-choice with one sentence model only";
        }

        // A probe without what it reads would fall through to the whole evaluation, held-out part included.
        var needsEncoder = new (bool Given, string Flag)[]
        {
            (HubProbe, "--hub-probe"), (QueryProbe, "--query-probe"), (AdapterProbe, "--adapter-probe"), (LocoAll, "--loco-all"),
            (ReachProbe, "--reach-probe"), (FormProbe, "--form-probe"), (OrderProbe, "--order-probe"), (SureProbe, "--sure-probe"),
            (SecondProbe, "--second-probe"), (LendProbe, "--lend-probe"), (Lend is not null, "--lend"),
            (CatalogShapeProbe, "--catalog-shape-probe"),
            (SelfCalibrate is not null, "--self-calibrate"), (SelfProbe, "--self-probe"), (LateProbe, "--late-probe"),
        };
        if (needsEncoder.FirstOrDefault(n => n.Given && !ReadsWithEncoder) is { Flag: { } withoutEncoder })
        {
            return $"{withoutEncoder} needs --encoder";
        }

        var needsLoco = new (bool Given, string Flag)[]
        {
            (ReachProbe, "--reach-probe"), (FormProbe, "--form-probe"), (OrderProbe, "--order-probe"), (SureProbe, "--sure-probe"), (SecondProbe, "--second-probe"),
            (CatalogShapeProbe, "--catalog-shape-probe"), (LateProbe, "--late-probe"),
        };
        return needsLoco.FirstOrDefault(n => n.Given && !Loco) is { Flag: { } withoutLoco } ? $"{withoutLoco} needs --loco" : null;
    }

    /// <summary>A flag: its name, the values it takes as the usage line shows them, and what it sets (null: values it cannot read).</summary>
    private sealed record Flag(string Name, string Values, Func<EvalOptions, IReadOnlyList<string>, int, (EvalOptions Options, int Taken)?> Apply);

    private static Flag Switch(string name, Func<EvalOptions, EvalOptions> set) => new(name, "", (o, _, _) => (set(o), 0));

    private static Flag One(string name, string values, Func<EvalOptions, string, EvalOptions?> set) =>
        new(name, values, (o, args, at) => at < args.Count && set(o, args[at]) is { } next ? (next, 1) : null);

    private static Flag Two(string name, string values, Func<EvalOptions, string, string, EvalOptions?> set) =>
        new(name, values, (o, args, at) => at + 1 < args.Count && set(o, args[at], args[at + 1]) is { } next ? (next, 2) : null);

    private static double? Number(string text) => double.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static Targets? TargetsOf(string wrongAtMost, string abstainAtLeast) =>
        Number(wrongAtMost) is { } wrong && Number(abstainAtLeast) is { } abstain ? new Targets(wrong, abstain) : null;

    // By its name only: Enum.TryParse also reads "5" (or "-1") as a value no name has.
    private static T? Named<T>(string text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var v) && Enum.IsDefined(v) && !char.IsAsciiDigit(text.TrimStart('-', '+', ' ').FirstOrDefault()) ? v : null;

    private static IEnumerable<Flag> Flags() =>
    [
        One("--part", "tuning|heldout|dev|all", (o, v) => v is LabelledSet.Tuning or LabelledSet.HeldOut or LabelledSet.Development or "all" ? o with { Part = v } : null),
        Switch("--failures", o => o with { Failures = true }),
        Switch("--miss-kinds", o => o with { MissKinds = true }),
        Switch("--loco", o => o with { Loco = true }),
        Switch("--fit", o => o with { Fit = true }),
        Switch("--goals-first", o => o with { FitOptions = o.FitOptions with { GoalsFirst = true } }),
        Two("--targets", "W A", (o, w, a) => TargetsOf(w, a) is { } targets ? o with { FitOptions = o.FitOptions with { Targets = targets } } : null),
        Switch("--encoder", o => o with { WithEncoder = true }),
        One("--decisive-at", "P", (o, v) => Number(v) is { } at ? o with { DecisiveAt = at } : null),
        One("--none-lead", "L", (o, v) => float.TryParse(v, CultureInfo.InvariantCulture, out var lead) ? o with { NoneLead = lead } : null),
        One("--parts", string.Join("|", Enum.GetNames<PartsReading>()), (o, v) => Named<PartsReading>(v) is { } parts ? o with { PartsReading = parts } : null),
        Switch("--parts-probe", o => o with { PartsProbe = true }),
        new("--query-text", string.Join("|", Enum.GetNames<QueryReading>()) + " [N] [LessFrame]", QueryTextFlag),
        Switch("--query-probe", o => o with { QueryProbe = true }),
        One("--fit-on", "tuning|tuning+dev", (o, v) => FitOnMore.TryParse(v, out var on) ? o with { FitOn = on } : null),
        Switch("--loco-all", o => o with { LocoAll = true }),
        Two("--b-targets", "W A", (o, w, a) => TargetsOf(w, a) is { } targets ? o with { BTargets = targets } : null),
        Switch("--rank-probe", o => o with { RankProbe = true }),
        Switch("--path-census", o => o with { PathCensus = true }),
        Switch("--hub-probe", o => o with { HubProbe = true }),
        new("--hub-correction", "exemplars|items|both K|all L", (o, args, at) =>
            at + 2 < args.Count && HubCorrection.TryParse(args[at], args[at + 1], args[at + 2], out var hub) ? (o with { Hub = hub }, 3) : null),
        Switch("--reach-probe", o => o with { ReachProbe = true }),
        Switch("--form-probe", o => o with { FormProbe = true }),
        Switch("--order-probe", o => o with { OrderProbe = true }),
        Switch("--listwise", o => o with { FitOptions = o.FitOptions with { Listwise = true } }),
        One("--sure-shape", string.Join("|", Enum.GetNames<SureShape>()), (o, v) => Named<SureShape>(v) is { } shape ? o with { FitOptions = o.FitOptions with { SureShape = shape } } : null),
        One("--sure-signal", string.Join("|", Enum.GetNames<SureSignal>()), (o, v) => Named<SureSignal>(v) is { } signal ? o with { FitOptions = o.FitOptions with { SureSignal = signal } } : null),
        Switch("--second-opinion", o => o with { SecondOpinion = true }),
        Switch("--second-probe", o => o with { SecondOpinion = true, SecondProbe = true }),
        Switch("--catalog-shape", o => o with { CatalogShape = true }),
        Switch("--catalog-shape-probe", o => o with { CatalogShape = true, CatalogShapeProbe = true }),
        Switch("--late", o => o with { Late = true }),
        Switch("--late-probe", o => o with { Late = true, LateProbe = true }),
        One("--late-mix", "W", (o, v) => float.TryParse(v, CultureInfo.InvariantCulture, out var w) && w is > 0 and <= 1 ? o with { Late = true, LateMix = w } : null),
        Switch("--cross-fitted-bars", o => o with { FitOptions = o.FitOptions with { CrossFittedBars = true } }),
        One("--cross-fit", "folds|halves", (o, v) => Named<CrossFit>(v) is { } cross and not CrossFit.None ? o with { FitOptions = o.FitOptions with { CrossFit = cross } } : null),
        Switch("--sure-probe", o => o with { SureProbe = true }),
        Switch("--no-agreed-bar", o => o with { FitOptions = o.FitOptions with { AgreedBar = false } }),
        Switch("--dev-choice", o => o with { DevChoice = true }),
        Switch("--encoder-probe", o => o with { EncoderProbe = true }),
        Switch("--pair-probe", o => o with { PairProbe = true }),
        Switch("--encoder-fidelity", o => o with { EncoderFidelity = true }),
        Switch("--fit-senses", o => o with { FitSenses = true }),
        One("--model", string.Join("|", SentenceModel.ByShortName.Keys.Append("Both")), (o, v) =>
            v == "Both" ? o with { Paired = true } : SentenceModel.ByShortName.TryGetValue(v, out var named) ? o with { Model = named } : null),
        One("--pair-weight", "W", (o, v) => float.TryParse(v, CultureInfo.InvariantCulture, out var w) && w is > 0 and < 1 ? o with { PairWeight = w } : null),
        Switch("--no-query-prefix", o => o with { Model = o.Model with { QueryPrefix = "" } }),
        Switch("--adapter-probe", o => o with { AdapterProbe = true }),
        Two("--adapter", "R|diagonal L", (o, r, l) => AdapterShape.TryParse(r, l, out var shape) ? o with { Adapter = shape } : null),
        Switch("--lend-probe", o => o with { LendProbe = true }),
        Two("--lend", "BAR STEP", (o, b, s) => Lending.TryParse(b, s, out var lending) ? o with { Lend = lending! with { SameHead = o.Lend?.SameHead ?? false } } : null),
        One("--self-calibrate", string.Join("|", Enum.GetNames<SelfScale>()), (o, v) => Named<SelfScale>(v) is { } scale ? o with { SelfCalibrate = scale } : null),
        Switch("--self-probe", o => o with { SelfProbe = true }),
        One("--self-questions", string.Join("|", Enum.GetNames<SelfQuestions>()), (o, v) => Named<SelfQuestions>(v) is { } questions ? o with { SelfQuestions = questions } : null),
        Switch("--lend-head", o => o with { Lend = (o.Lend ?? new Lending(float.NaN, 0)) with { SameHead = true } }),
    ];

    // --query-text READING [N] [LessFrame]: the count and LessFrame are optional, so it takes one to three values.
    private static (EvalOptions, int)? QueryTextFlag(EvalOptions o, IReadOnlyList<string> args, int at)
    {
        if (at >= args.Count || Named<QueryReading>(args[at]) is not { } reading)
        {
            return null;
        }

        var longFrom = at + 1 < args.Count && int.TryParse(args[at + 1], out var from) ? from : (int?)null;
        var next = at + (longFrom is null ? 1 : 2);
        var lessFrame = next < args.Count && args[next].Equals("LessFrame", StringComparison.OrdinalIgnoreCase);
        return (o with { QueryText = new QueryChoice(reading, longFrom ?? 8, lessFrame ? QueryContent.LessFrame : QueryContent.Words) }, next - at + (lessFrame ? 1 : 0));
    }
}
