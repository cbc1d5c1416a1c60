using ChatRequests.Core.Understanding;
using ChatRequests.SentenceEncoding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// One run of the evaluation: the options, the repository and the sentence models they load, and the one measurement they
/// ask for (<see cref="Run"/>). The probes read <see cref="EvalOptions.ProbedPart"/> only, never the held-out part.
/// </summary>
internal sealed class EvalSession : IDisposable
{
    private readonly EvalOptions _options;
    private readonly string _root;
    private readonly ISentenceEncoder? _encoder;
    // The second model's vectors from its own cache (ADR 0082); only the messages the first model read get its cosines.
    private readonly CachedEncoder? _second;

    public EvalSession(EvalOptions options, string root)
    {
        _options = options;
        _root = root;
        _encoder = !options.ReadsWithEncoder ? null
            : options.Paired ? new PairedEncoder(new CachedEncoder(SentenceModel.ByShortName["MiniLM"]), new CachedEncoder(SentenceModel.ByShortName["ArcticXs"]), options.PairWeight)
            : new CachedEncoder(options.Model);
        _second = options.SecondOpinion && _encoder is not null ? new CachedEncoder(SentenceModel.ByShortName["ArcticXs"]) : null;
    }

    public void Dispose()
    {
        (_encoder as IDisposable)?.Dispose();
        _second?.Dispose();
    }

    /// <summary>The measurement the options ask for; the exit code (1 where a run with goals misses one).</summary>
    public int Run()
    {
        var o = _options;
        switch (o)
        {
            case { FitSenses: true }:
                var words = Evaluation.Lexical(_root);
                SenseFitReport.Run(ProbeReads(LabelledSet.Tuning, words), words, _encoder!, o.Failures);
                return 0;
            case { PairProbe: true }:
                RunPairProbe();
                return 0;
            case { EncoderProbe: true }:
                var probed = ProbeReads(LabelledSet.Tuning);
                EncoderProbe.NoneLead(probed, _encoder!, Evaluation.Lexical(_root));
                EncoderProbe.Run(probed, _encoder!, Evaluation.Lexical(_root));
                return 0;
            case { QueryProbe: true }:
                // The encoder's nearest item by what of the message it reads (ADR 0080).
                Console.WriteLine($"{o.ProbedPart}:");
                QueryProbe.Run(ProbeReads(o.ProbedPart), _encoder!, Evaluation.Lexical(_root), o.Failures && o.ProbedPart == LabelledSet.Tuning);
                return 0;
            case { AdapterProbe: true }:
                // A learned adapter of the message's vector (ADR 0081): LOCO on the tuning part, fitted on it for the dev sets.
                AdapterProbe.Run(_root, _encoder!, o.DecisiveAt, o.Adapter);
                return 0;
            case { Adapter: { } adapter } when _encoder is not null && (o.Loco || o.DevChoice):
                AdapterDecision.Run(_root, _encoder, o.DecisiveAt, o.FitOptions, adapter);
                return 0;
            case { LendProbe: true }:
                // Other catalogs' labelled sentences lent to a like item (ADR 0083): the order alone.
                LendProbe.Run(_root, _encoder!, o.DecisiveAt);
                return 0;
            case { Lend: { } lending } when _encoder is not null && (o.Loco || o.DevChoice):
                LendDecision.Run(_root, _encoder, o.DecisiveAt, o.FitOptions, lending);
                return 0;
            case { SelfProbe: true }:
                // What a catalog's own texts say of its cosines, beside its real figures (ADR 0087).
                SelfCalibration.Probe(_root, _encoder!, o.DecisiveAt, o.FitOptions, o.SelfQuestions);
                return 0;
            case { SelfCalibrate: { } scale } when _encoder is not null && (o.Loco || o.DevChoice):
                SelfCalibration.Decide(_root, _encoder, o.DecisiveAt, o.FitOptions, scale, o.SelfQuestions);
                return 0;
            case { HubProbe: true }:
                // The encoder's nearest item with and without a hub correction (ADR 0077).
                Console.WriteLine($"{o.ProbedPart}:");
                HubProbe.Run(ProbeReads(o.ProbedPart), _encoder!, Evaluation.Lexical(_root));
                return 0;
            case { PartsProbe: true }:
                // Each message of several parts listed with --failures on the tuning part only (a development set's sentences are never listed).
                PartsProbe.Run(o.ProbedPart, LabelledSet.Load(_root, o.ProbedPart), _encoder!, Evaluation.Lexical(_root), o.PartsReading == PartsReading.Whole ? PartsReading.Items : o.PartsReading, o.Failures && o.ProbedPart == LabelledSet.Tuning);
                return 0;
            case { PathCensus: true }:
                // Which path holds back a right first candidate's form, and what each prevents (ADR 0094).
                PathCensus.Run(_root, _encoder, o.DecisiveAt, o.Failures);
                return 0;
            case { RankProbe: true }:
                RankProbe.Run(o.ProbedPart, Calibration.Read(Evaluation.Lexical(_root), LabelledSet.Load(_root, o.ProbedPart)), o.Failures);
                return 0;
            case { LocoAll: true }:
                var lexical = Evaluation.Lexical(_root);
                return FitOnMore.CrossValidate(ProbeReads(LabelledSet.Tuning, lexical), ProbeReads(LabelledSet.Development, lexical), o.FitOptions, o.BTargets) ? 0 : 1;
            case { DevChoice: true }:
                DevChoice.Run(_root, _encoder!, o.DecisiveAt, o.FitOptions, o.Hub, o.PartsReading, o.QueryText, _second, o.CatalogShape, o.Late ? _encoder as CachedEncoder : null, o.LateMix);
                return 0;
            case { Loco: true } or { Fit: true }:
                return new CalibrationRun(o, _root, _encoder, _second).Run();
            default:
                return PartEvaluation.Run(o, _root, _encoder);
        }
    }

    /// <summary>A tuning or development part read as the probes read it (the words, the encoder, the options' decisive bar).</summary>
    private List<ReadUtterance> ProbeReads(string part, Evaluation? lexical = null) =>
        Calibration.Read(lexical ?? Evaluation.Lexical(_root), LabelledSet.Load(_root, part), _encoder, _options.DecisiveAt);

    private void RunPairProbe()
    {
        // Both models' vectors, each from its own cache (ADR 0071).
        using var miniLm = new CachedEncoder(SentenceModel.ByShortName["MiniLM"]);
        using var arctic = new CachedEncoder(SentenceModel.ByShortName["ArcticXs"]);
        Console.WriteLine($"{_options.ProbedPart}:");
        PairProbe.Run(LabelledSet.Load(_root, _options.ProbedPart), miniLm, arctic, Evaluation.Lexical(_root));
    }
}
