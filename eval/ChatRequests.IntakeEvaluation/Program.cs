using ChatRequests.Core.Understanding;
using ChatRequests.Encoder;
using ChatRequests.IntakeEvaluation;
using ChatRequests.SentenceEncoding;

// dotnet run --project eval/ChatRequests.IntakeEvaluation [-- --part tuning|heldout|dev|all] [--failures] [--loco] [--fit] [--goals-first]
// Prints the figures per catalog, per part and overall; with --failures, what went wrong on the tuning part (or on a
// development set: --part dev reads eval/intake/dev/, a helper's own sentences, never in "all").
// --loco: leave-one-catalog-out on the tuning part (the match calibration fitted on all catalogs but one, scored on it);
// --fit: fits the match calibration on the whole tuning part and prints it as MatchCalibration.Fitted's line;
// --goals-first: fits for the goals' order alone (wrong form, abstention, top-1), even losing a figure against the rule.
// --targets W A: the fit reaches wrong forms at most W and abstention at least A before top-1 counts (default 0.03 0.90,
//   the goals): a margin below the goals, so that a catalog not fitted on keeps them (--loco says whether it does).
// --loco --failures: each catalog's "none" sentences offered a form, a choice or a question, and item sentences given
//   another item's form, as decided by the calibration fitted without that catalog.
// --encoder: reads with the sentence encoder too, sentence meaning leading the decision (ADR 0041; its vectors cached in
//   the temporary folder between runs); --decisive-at P: from which probability of the words' calibration their rule's
//   form is not encoded (default SentenceLead.DecisiveAt; 2 encodes every message the words leave open);
// --none-lead L: with --loco or --fit, a form is only a question when the nearest "none" exemplar is ahead of the nearest
//   item by at least L (ADR 0050; default the stored SenseCalibration's, 2 turns it off);
// --encoder-fidelity: the slim model against the original on every tuning sentence (ADR 0039; minutes; exits 1 below its bars);
// --loco --encoder --reach-probe: the item sentences whose item is not offered (and "none" sentences offered anything), by what
//   they got, whether the encoder read them and where the item stands in the encoder's order (ADR 0052); with --failures, each.
// --loco --encoder --form-probe: the messages the encoder read, by what they got (form or not) and whether the first candidate
//   is right, beside signals of the words and the meaning (ADR 0055); with --failures, each held back or wrong.
// --loco --encoder --order-probe: where the words' first and the meaning's first differ, which is right and what the message got,
//   leave-one-catalog-out and on the development sets' choosing half (ADR 0073); tallies only.
// --listwise: with --fit, --loco or --dev-choice and the encoder, the candidates' weights fitted for their order within each
//   message (a conditional logit, then scaled to a probability; ADR 0073, measured and not taken).
// --sure-shape Logistic|Trees|LogisticAndTrees|Stumps: with --fit, --loco or --dev-choice and the encoder, the shape of the model of how sure the
//   first candidate is: the logistic regression (default), boosted depth-2 trees alone, or trees on the regression's log odds, or 40 boosted stumps (ADR 0075).
// --sure-signal None|Distinguishing|Subsumes|ElsewhereExplained|SecondNearest|SecondLead|SecondCosine: with --fit, --loco or --dev-choice and the encoder, a sign of the item
//   named rather than its family added to the sureness's features, read from the words against the whole catalog (ADR 0076);
//   the stored line's (Distinguishing) unless told.
// --loco --encoder --sure-probe: the log loss and AUC of the sureness of each catalog's first candidates under the fit without it (ADR 0075).
// --cross-fitted-bars: the sentence-led bars fitted on each training catalog's sureness from a sure model fitted without it (ADR 0075).
// --no-agreed-bar: with --fit, --loco or --dev-choice and the encoder, no bar of its own for a first candidate the words and the meaning agree on (ADR 0055).
// --dev-choice: a handful of the sentence-led calibrations fitted on the tuning part (a few --targets, a few single bars),
//   each scored in sample and on the development sets' two halves by catalog (ADR 0070); totals only; reads with the
//   encoder whether or not --encoder is given (the calibrations it fits are the encoder's).
// --pair-probe [--part dev]: the nearest item by each of the two sentence models and by combinations of their cosines (ADR 0071).
// --encoder --hub-probe [--part dev]: the encoder's nearest item right, plain and with hub corrections (CSLS variants; ADR 0077).
// --hub-correction exemplars|items|both K|all L: with --fit, --loco or --dev-choice and the encoder, the item cosines the decision reads
//   corrected for hubs, each item text's less L times its mean cosine to its K nearest reference points (ADR 0077, measured and not taken).
// --fit-on tuning|tuning+dev: with --fit or --loco, the calibration fitted on the tuning part alone (default) or also on the
//   development sets but their check files (ADR 0079; each --loco fold leaves the catalog out of both).
// --loco-all: with --encoder, a grouped cross-validation by catalog over the tuning part and the development sets together,
//   each catalog's sentences decided by calibrations fitted without it, A on the tuning part, B on both but the check files;
//   totals only, and ADR 0079's bar (exits 1 when B does not pass it); --b-targets W A: B fitted for other targets than A's.
// --encoder --adapter-probe [--adapter R L]: the encoder's nearest item right with a learned adapter of the message's vector (rank R
//   or "diagonal", penalty L), each tuning catalog by the adapter fitted on the others, the dev sets by the one fitted on all (ADR 0081).
// --encoder --loco --adapter R L (or --dev-choice --adapter R L): the decision refitted with the adapted item cosines, each fold's
//   adapter fitted without the catalog left out, and the dev sets' --targets line, against the plain cosines (ADR 0081).
// --parts Whole|Items|ItemsAndSenses|HalfGain|Trimmed: with the encoder, whether a message of several sentences or clauses is read by its parts
//   too, and whether they feed the items' cosines only or the senses as well, half their gain, or the message less its
//   pleasantries as one more text (ADR 0078; default MessageParts.Default). --parts-probe reads with it (Items unless told).
// --parts-probe [--part dev] [--failures]: the item sentences whose nearest item by the encoder is right, by the whole message and
//   by the whole and its parts, for the messages of several parts and for all (ADR 0078); with --failures, each tuning message of several parts.
// --query-text Whole|Content|BestOfBoth|MeanOfBoth|ContentWhenLong [N] [LessFrame]: with the encoder, what of the message it reads for
//   the item cosines: the whole, its content (its words less the stop words, or with LessFrame the message less its request frame),
//   both (best or mean), the content of a message longer than N words (ADR 0080; the bot reads QueryText.Default). --query-probe [--part dev]: the nearest item right under each.
// --second-opinion: with --fit, --loco or --dev-choice and the encoder, the messages the encoder reads read by snowflake-arctic-embed-xs too,
//   for the sureness's --sure-signal SecondNearest|SecondLead|SecondCosine (ADR 0082; implied by those signals); --loco --second-probe: how well the second
//   model's agreement separates a right first candidate from a wrong or "none" one (LOCO, and the development sets' halves under the fit on all).
// --rank-probe [--part dev]: the item sentences whose item the words do not rank first, where it stands and what is above it.
// --encoder-probe: what the encoder alone knows of the tuning part (its nearest item, how its best cosine separates kinds).
// --fit-senses: fits when a message the words leave open is a command or a fault by its meaning (ADR 0045), leave-one-catalog-out
//   and on the whole tuning part, and prints SenseCalibration.Fitted's line (reads with the encoder).
// --model MiniLM|ArcticXs|Both: the sentence model (Both: the two read together, the mean of their cosines, --pair-weight W: W of MiniLM's; with --fit, --loco, --dev-choice, --fit-senses only, and a W with senses fitted in PairedEncoder.FittedSenses but for --fit-senses; ADR 0071) (default the bot's, SentenceEncoderOptions.DefaultModelName); --no-query-prefix:
//   a retrieval model reads messages without its query prefix (ADR 0048).
// Held-out texts are never printed: nothing may be tuned against them, and --loco and --fit read the tuning part only.
var part = "all";
var failures = false;
var loco = false;
var fit = false;
var probe = false;
var fidelity = false;
var withEncoder = false;
var fitSenses = false;
var reachProbe = false;
var formProbe = false;
var devChoice = false;
var pairProbe = false;
var paired = false;
var pairWeight = PairedEncoder.MeanWeight;
var orderProbe = false;
var sureProbe = false;

var rankProbe = false;
var hubProbe = false;
var fitOn = FitOn.Tuning;
var locoAll = false;
Targets? bTargets = null;
HubCorrection? hub = null;
var adapterProbe = false;
AdapterShape? adapter = null;
var partsReading = MessageParts.Default;
var partsProbe = false;
QueryChoice? queryText = null;
var queryProbe = false;
var secondOpinion = false;
var secondProbe = false;
double? decisiveAt = null;
float? noneLead = null;
var model = SentenceModel.ByShortName[SentenceEncoderOptions.DefaultModelName];
// Every fit of the run is fitted the same way: the command line's settings, passed to each (not settings of the process).
var fitOptions = FitOptions.Default;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--part" when i + 1 < args.Length && args[i + 1] is LabelledSet.Tuning or LabelledSet.HeldOut or LabelledSet.Development or "all":
            part = args[++i];
            break;
        case "--failures":
            failures = true;
            break;
        case "--loco":
            loco = true;
            break;
        case "--fit":
            fit = true;
            break;
        case "--goals-first":
            fitOptions = fitOptions with { GoalsFirst = true };
            break;
        case "--encoder":
            withEncoder = true;
            break;
        case "--decisive-at" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var at):
            decisiveAt = at;
            i++;
            break;
        case "--none-lead" when i + 1 < args.Length && float.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var lead):
            noneLead = lead;
            i++;
            break;
        case "--targets" when i + 2 < args.Length
            && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var wrongAtMost)
            && double.TryParse(args[i + 2], System.Globalization.CultureInfo.InvariantCulture, out var abstainAtLeast):
            fitOptions = fitOptions with { Targets = new(wrongAtMost, abstainAtLeast) };
            i += 2;
            break;
        case "--encoder-fidelity":
            fidelity = true;
            break;
        case "--encoder-probe":
            probe = true;
            break;
        case "--fit-senses":
            fitSenses = true;
            break;
        case "--parts" when i + 1 < args.Length && Enum.TryParse<PartsReading>(args[i + 1], ignoreCase: true, out var partsRead):
            partsReading = partsRead;
            i++;
            break;
        case "--parts-probe":
            partsProbe = true;
            break;
        case "--query-text" when i + 1 < args.Length && Enum.TryParse<QueryReading>(args[i + 1], ignoreCase: true, out var queryReading):
            var longFrom = i + 2 < args.Length && int.TryParse(args[i + 2], out var from) ? from : (int?)null;
            i += longFrom is null ? 1 : 2;
            var lessFrame = i + 1 < args.Length && args[i + 1].Equals("LessFrame", StringComparison.OrdinalIgnoreCase);
            i += lessFrame ? 1 : 0;
            queryText = new QueryChoice(queryReading, longFrom ?? 8, lessFrame ? QueryContent.LessFrame : QueryContent.Words);
            break;
        case "--query-probe":
            queryProbe = true;
            break;
        case "--second-opinion":
            secondOpinion = true;
            break;
        case "--second-probe":
            secondOpinion = secondProbe = true;
            break;
        case "--rank-probe":
            rankProbe = true;
            break;
        case "--hub-correction" when i + 3 < args.Length && HubCorrection.TryParse(args[i + 1], args[i + 2], args[i + 3], out var correction):
            hub = correction;
            i += 3;
            break;
        case "--fit-on" when i + 1 < args.Length && FitOnMore.TryParse(args[i + 1], out var on):
            fitOn = on;
            i++;
            break;
        case "--b-targets" when FitOnMore.TryParseTargets(args, i + 1, out var b):
            bTargets = b;
            i += 2;
            break;
        case "--loco-all":
            locoAll = true;
            break;
        case "--hub-probe":
            hubProbe = true;
            break;
        case "--adapter-probe":
            adapterProbe = true;
            break;
        case "--adapter" when i + 2 < args.Length && AdapterShape.TryParse(args[i + 1], args[i + 2], out var shapeOfAdapter):
            adapter = shapeOfAdapter;
            i += 2;
            break;
        case "--reach-probe":
            reachProbe = true;
            break;
        case "--dev-choice":
            devChoice = true;
            break;
        case "--pair-probe":
            pairProbe = true;
            break;
        case "--sure-shape" when i + 1 < args.Length && Enum.TryParse<SureShape>(args[i + 1], ignoreCase: true, out var shape):
            fitOptions = fitOptions with { SureShape = shape };
            i++;
            break;
        case "--sure-signal" when i + 1 < args.Length && Enum.TryParse<SureSignal>(args[i + 1], ignoreCase: true, out var signal):
            fitOptions = fitOptions with { SureSignal = signal };
            i++;
            break;
        case "--sure-probe":
            sureProbe = true;
            break;
        case "--cross-fitted-bars":
            fitOptions = fitOptions with { CrossFittedBars = true };
            break;
        case "--listwise":
            fitOptions = fitOptions with { Listwise = true };
            break;
        case "--order-probe":
            orderProbe = true;
            break;
        case "--no-agreed-bar":
            fitOptions = fitOptions with { AgreedBar = false };
            break;
        case "--form-probe":
            formProbe = true;
            break;
        case "--model" when i + 1 < args.Length && args[i + 1] == "Both":
            paired = true;
            i++;
            break;
        case "--pair-weight" when i + 1 < args.Length && float.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var weight) && weight is > 0 and < 1:
            pairWeight = weight;
            i++;
            break;
        case "--model" when i + 1 < args.Length && SentenceModel.ByShortName.TryGetValue(args[i + 1], out var named):
            model = named;
            i++;
            break;
        case "--no-query-prefix":
            model = model with { QueryPrefix = "" };
            break;
        default:
            Console.Error.WriteLine("Usage: dotnet run --project eval/ChatRequests.IntakeEvaluation [-- --part tuning|heldout|dev|all] [--failures] [--loco] [--fit] [--goals-first] [--targets W A] [--encoder [--decisive-at P] [--none-lead L]] [--parts Whole|Items|ItemsAndSenses|HalfGain|Trimmed] [--parts-probe] [--query-text Whole|Content|BestOfBoth|MeanOfBoth|ContentWhenLong [N] [LessFrame]] [--query-probe] [--fit-on tuning|tuning+dev] [--loco-all [--b-targets W A]] [--rank-probe] [--hub-probe] [--hub-correction R K L] [--reach-probe] [--form-probe] [--order-probe] [--listwise] [--sure-shape Logistic|Trees|LogisticAndTrees|Stumps] [--sure-signal None|Distinguishing|Subsumes|ElsewhereExplained|SecondNearest|SecondLead|SecondCosine] [--second-opinion] [--second-probe] [--cross-fitted-bars] [--sure-probe] [--no-agreed-bar] [--dev-choice] [--encoder-probe] [--pair-probe] [--encoder-fidelity] [--fit-senses] [--model MiniLM|ArcticXs|Both [--pair-weight W]] [--no-query-prefix] [--adapter-probe] [--adapter R|diagonal L]");
            return 2;
    }
}

secondOpinion |= fitOptions.SureSignal is SureSignal.SecondNearest or SureSignal.SecondLead or SureSignal.SecondCosine;
var root = Evaluation.FindRoot();
if (fidelity)
{
    using var original = new EncoderSession(model.Original(), model);
    using var slim = new EncoderSession(model.Slim(), model);
    var figures = EncoderFidelity.Measure(original, slim, root);
    Console.WriteLine(figures);
    foreach (var miss in figures.Misses())
    {
        Console.WriteLine($"  ! {miss}");
    }

    return figures.Misses().Any() ? 1 : 0;
}

Console.WriteLine(paired ? $"sentence models: {PairedEncoder.Name}, {pairWeight} of MiniLM's cosine and {1 - pairWeight} of arctic's" : $"sentence model: {model.Name}{(model.QueryPrefix.Length > 0 ? $", queries prefixed \"{model.QueryPrefix}\"" : "")}");
if (!paired && pairWeight != PairedEncoder.MeanWeight)
{
    Console.Error.WriteLine("--pair-weight weighs the two models of --model Both only");
    return 2;
}

if (paired && !fitSenses && !PairedEncoder.FittedSenses.ContainsKey(pairWeight))
{
    // Read with another weight's senses, a pair's figures would not be its own (ADR 0071); --fit-senses fits them.
    Console.Error.WriteLine(FormattableString.Invariant($"--pair-weight {pairWeight}: no senses are fitted for it (PairedEncoder.FittedSenses has {string.Join(", ", PairedEncoder.FittedSenses.Keys)}); --fit-senses --model Both --pair-weight {pairWeight} fits them"));
    return 2;
}

if (paired && orderProbe && !fit)
{
    // Without --fit the order probe scores the development sets with the model's stored calibration, and the pair has none.
    Console.Error.WriteLine("--model Both --order-probe needs --fit (the pair has no stored calibration)");
    return 2;
}

if (paired && !(fit || loco || devChoice || fitSenses))
{
    // Refused before two models are loaded: the bot's interpreter reads with a model's stored calibrations; the pair has none there (ADR 0071).
    Console.Error.WriteLine("--model Both is measured by --fit, --loco, --dev-choice and --fit-senses only");
    return 2;
}

ISentenceEncoder? encoder = !(withEncoder || probe || fitSenses || devChoice || partsProbe) ? null
    : paired ? new PairedEncoder(new CachedEncoder(SentenceModel.ByShortName["MiniLM"]), new CachedEncoder(SentenceModel.ByShortName["ArcticXs"]), pairWeight)
    : new CachedEncoder(model);
using var disposesEncoder = encoder as IDisposable;
// The second model's vectors from its own cache (ADR 0082); only the messages the first model read get its cosines.
using var second = secondOpinion && encoder is not null ? new CachedEncoder(SentenceModel.ByShortName["ArcticXs"]) : null;
if (fitSenses)
{
    var lexical = Evaluation.Lexical(root);
    var cases = SenseFit.Cases(Calibration.Read(lexical, LabelledSet.Load(root, LabelledSet.Tuning), encoder, decisiveAt ?? SentenceLead.DecisiveAt), lexical, encoder!);
    foreach (var group in cases.Where(c => c.Expect.StartsWith("command:", StringComparison.Ordinal) || c.Expect == "incident").GroupBy(c => c.Expect).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        var nearest = group.Count(c => c.Expect == "incident" ? c.Alone.FaultCosine > c.Alone.CommandCosine : c.Expect == $"command:{c.Alone.Command}" && c.Alone.CommandCosine > c.Alone.FaultCosine);
        Console.WriteLine($"{group.Key,-22} nearest exemplar of its kind: {nearest}/{group.Count()}");
    }

    var rows = SenseFit.LeaveOneCatalogOut(cases);
    foreach (var (name, calibration, alone, before, after) in rows)
    {
        Console.WriteLine($"leave-one-catalog-out / {name}: {SenseFit.Describe(calibration)}; by meaning alone {alone}");
        PrintFigures($"  {name}, words and meaning as before", before);
        PrintFigures($"  {name}, with commands and faults by meaning", after);
        if (failures)
        {
            foreach (var change in SenseFit.Changes(cases.Where(c => c.Read.Set.Name == name), calibration))
            {
                Console.WriteLine($"    {change}");
            }
        }
    }

    PrintFigures("leave-one-catalog-out / all, as before", rows.Aggregate(Figures.Empty, (sum, r) => sum + r.Before));
    PrintFigures("leave-one-catalog-out / all, with commands and faults by meaning", rows.Aggregate(Figures.Empty, (sum, r) => sum + r.After));
    var total = rows.Aggregate(default(SenseFit.Alone), (sum, r) => new(
        sum.Commands + r.Alone.Commands, sum.CommandCases + r.Alone.CommandCases, sum.Faults + r.Alone.Faults, sum.FaultCases + r.Alone.FaultCases,
        sum.Taken + r.Alone.Taken, sum.Asks + r.Alone.Asks));
    Console.WriteLine($"leave-one-catalog-out / all, by meaning alone: {total}");
    Console.WriteLine($"stored (SenseCalibration.Fitted): {SenseFit.Describe(SenseCalibration.Fitted)}; by meaning alone {SenseFit.ByMeaningAlone(cases, SenseCalibration.Fitted)}");
    PrintFigures("tuning / all, stored", SenseFit.Decided(cases, SenseCalibration.Fitted));
    var fitted = SenseFit.Fit(cases);
    Console.WriteLine($"fitted on all: {SenseFit.Describe(fitted)}; by meaning alone {SenseFit.ByMeaningAlone(cases, fitted)}");
    PrintFigures("tuning / all, fitted on all", SenseFit.Decided(cases, fitted));
    return 0;
}

if (pairProbe)
{
    // Both models' vectors, each from its own cache (ADR 0071); tuning or dev only, never a held-out part.
    using var miniLm = new CachedEncoder(SentenceModel.ByShortName["MiniLM"]);
    using var arctic = new CachedEncoder(SentenceModel.ByShortName["ArcticXs"]);
    var pairPart = part == LabelledSet.Development ? LabelledSet.Development : LabelledSet.Tuning;
    Console.WriteLine($"{pairPart}:");
    PairProbe.Run(LabelledSet.Load(root, pairPart), miniLm, arctic, Evaluation.Lexical(root));
    return 0;
}

if (probe)
{
    var probed = Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, LabelledSet.Tuning), encoder, decisiveAt ?? SentenceLead.DecisiveAt);
    EncoderProbe.NoneLead(probed, encoder!, Evaluation.Lexical(root));
    EncoderProbe.Run(probed, encoder!, Evaluation.Lexical(root));
    return 0;
}

if (queryProbe && encoder is not null)
{
    // The encoder's nearest item by what of the message it reads (ADR 0080); tuning or dev, never a held-out part.
    var queryPart = part == LabelledSet.Development ? LabelledSet.Development : LabelledSet.Tuning;
    Console.WriteLine($"{queryPart}:");
    QueryProbe.Run(Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, queryPart), encoder, decisiveAt ?? SentenceLead.DecisiveAt), encoder, Evaluation.Lexical(root), failures && queryPart == LabelledSet.Tuning);
    return 0;
}

if (adapterProbe && encoder is not null)
{
    // A learned adapter of the message's vector (ADR 0081): LOCO on the tuning part, fitted on it for the dev sets; never a held-out part.
    AdapterProbe.Run(root, encoder, decisiveAt ?? SentenceLead.DecisiveAt, adapter);
    return 0;
}

if (adapter is not null && encoder is not null && (loco || devChoice))
{
    AdapterDecision.Run(root, encoder, decisiveAt ?? SentenceLead.DecisiveAt, fitOptions, adapter);
    return 0;
}

if (hubProbe && encoder is not null)
{
    // The encoder's nearest item with and without a hub correction (ADR 0077); tuning or dev, never a held-out part.
    var hubPart = part == LabelledSet.Development ? LabelledSet.Development : LabelledSet.Tuning;
    Console.WriteLine($"{hubPart}:");
    HubProbe.Run(Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, hubPart), encoder, decisiveAt ?? SentenceLead.DecisiveAt), encoder, Evaluation.Lexical(root));
    return 0;
}

if (partsProbe)
{
    var probedPart = part == LabelledSet.Development ? LabelledSet.Development : LabelledSet.Tuning;
    // Each message of several parts listed with --failures on the tuning part only (a development set's sentences are never listed).
    PartsProbe.Run(probedPart, LabelledSet.Load(root, probedPart), encoder!, Evaluation.Lexical(root), partsReading == PartsReading.Whole ? PartsReading.Items : partsReading, failures && probedPart == LabelledSet.Tuning);
    return 0;
}

if (rankProbe)
{
    // The item sentences whose item the words do not rank first: where it stands and what is above it (tuning or dev;
    // never a held-out part, nor a development set's check part).
    var probeParts = part == LabelledSet.Development ? LabelledSet.Development : LabelledSet.Tuning;
    var ranked = Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, probeParts)).Where(r => r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)).ToList();
    Console.WriteLine($"{probeParts}: the words rank the item asked for first in {ranked.Count(r => r.TopIsRight)} of {ranked.Count}, among the first three in {ranked.Count(r => r.Reading.Ranked.Take(3).Any(r.IsAskedFor))}, at all in {ranked.Count(r => r.Reading.Ranked.Any(r.IsAskedFor))}");
    foreach (var group in ranked.GroupBy(r => r.Set.Name))
    {
        Console.WriteLine($"  {group.Key}: first {group.Count(r => r.TopIsRight)} of {group.Count()}");
    }

    if (failures)
    {
        foreach (var r in ranked.Where(r => !r.TopIsRight && !r.Set.Name.Contains("-check-", StringComparison.Ordinal)))
        {
            var at = r.Reading.Ranked.ToList().FindIndex(s => r.IsAskedFor(s));
            var own = at < 0 ? "unranked" : $"#{at + 1} {r.Reading.Ranked[at].Score:0.0}";
            var above = string.Join(", ", r.Reading.Ranked.Take(Math.Min(3, at < 0 ? 3 : at)).Select(s => $"{r.Reading.Index.Items[s.Index].Id} {s.Score:0.0}"));
            Console.WriteLine($"    [{r.Set.Name}] \"{r.Utterance.Text}\" {r.Utterance.Expect} {own}; above: {above}");
        }
    }

    return 0;
}

if (locoAll && encoder is not null)
{
    var lexical = Evaluation.Lexical(root);
    var passes = FitOnMore.CrossValidate(
        Calibration.Read(lexical, LabelledSet.Load(root, LabelledSet.Tuning), encoder, decisiveAt ?? SentenceLead.DecisiveAt),
        Calibration.Read(lexical, LabelledSet.Load(root, LabelledSet.Development), encoder, decisiveAt ?? SentenceLead.DecisiveAt),
        fitOptions,
        bTargets);
    return passes ? 0 : 1;
}

if (devChoice)
{
    DevChoice.Run(root, encoder!, decisiveAt ?? SentenceLead.DecisiveAt, fitOptions, hub, partsReading, queryText, second);
    return 0;
}

if (loco || fit)
{
    var reads = Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, LabelledSet.Tuning), encoder, decisiveAt ?? SentenceLead.DecisiveAt, noneLead, partsReading);
    if (hub is not null && encoder is not null)
    {
        Console.WriteLine($"hub correction: {hub}");
        reads = hub.Apply(reads, encoder, Evaluation.Lexical(root));
    }

    if (queryText is not null && encoder is not null)
    {
        Console.WriteLine($"the encoder reads: {queryText}");
        reads = QueryProbe.Apply(reads, encoder, Evaluation.Lexical(root), queryText);
    }

    if (second is not null)
    {
        Console.WriteLine($"the second opinion: {second.Model}");
        reads = SecondOpinion.Apply(reads, second, Evaluation.Lexical(root));
    }

    var led = encoder is not null;
    var encoded = reads.Count(r => r.Reading.Cosines is not null);
    Console.WriteLine($"messages encoded: {encoded} of {reads.Count} ({(double)encoded / reads.Count:P1})");
    // The development sets read the same way, fitted on beside the tuning part with --fit-on tuning+dev (ADR 0079).
    var alsoFitOn = fitOn == FitOn.Tuning ? [] : Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, LabelledSet.Development), encoder, decisiveAt ?? SentenceLead.DecisiveAt, noneLead);
    alsoFitOn = hub is not null && encoder is not null && alsoFitOn.Count > 0 ? hub.Apply(alsoFitOn, encoder, Evaluation.Lexical(root)) : alsoFitOn;
    Console.WriteLine($"fitted on: {(fitOn == FitOn.Tuning ? "the tuning part" : $"the tuning part and {FitOnMore.Training(alsoFitOn, fitOn).Count} development sentences (no check file)")}");
    MatchCalibration? fittedOnAll = null;
    if (fit)
    {
        var fitted = fittedOnAll = Calibration.Fit(FitOnMore.Training(reads.Concat(alsoFitOn), fitOn), led, fitOptions);
        Console.WriteLine(Calibration.Describe(fitted));
        var items = reads.Where(r => r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"the ranking's top is the item asked for in {items.Count(r => r.TopIsRight)} of {items.Count} item utterances");
        if (led)
        {
            var best = items.Count(r => r.Reading.Cosines is { } c && SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, c, fitted) is [var b, ..] && r.IsAskedFor(b.Item));
            var among = items.Count(r => r.Reading.Cosines is { } c && SentenceLead.Candidates(r.Reading.Ranked, c).Any(r.IsAskedFor));
            var encodedItems = items.Count(r => r.Reading.Cosines is not null);
            Console.WriteLine($"of the {encodedItems} item utterances encoded, the lead's first candidate is the item asked for in {best}, a candidate in {among}");
        }
        PrintFigures("tuning / all catalogs, fitted on all of them", Calibration.Score(reads, fitted, led));
    }

    if (loco)
    {
        var (rows, total) = fitOn == FitOn.Tuning ? Calibration.LeaveOneCatalogOut(reads, led, fitOptions) : FitOnMore.LeaveOneCatalogOut(reads, alsoFitOn, led, fitOptions);
        foreach (var (name, calibration, figures) in rows)
        {
            PrintFigures($"leave-one-catalog-out / {name} (fitted on the others: form at p >= {calibration.FormAt:0.###}, or {calibration.RuleFormAt:0.###} with the rule{(calibration.AgreedFormAt is { } agreedAt ? $", {agreedAt:0.###} agreed" : "")}; band {calibration.CloseBand})", figures);
            if (failures)
            {
                // What the issue puts first, out of sample: a "none" offered anything, an item given another item's form.
                foreach (var r in reads.Where(r => r.Set.Name == name))
                {
                    var meaning = r.Decide(calibration, led);
                    var wrongForm = meaning.Kind == MeaningKind.Item && r.Utterance.Expect != $"item:{meaning.Items[0].Item.Id}" && r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal);
                    var noneOffered = r.Utterance.Expect == "none" && meaning.Kind is MeaningKind.Item or MeaningKind.Choice or MeaningKind.Suggestion;
                    if (wrongForm || noneOffered)
                    {
                        Console.WriteLine($"    [{name}] \"{r.Utterance.Text}\" expected {r.Utterance.Expect}; got {Describe(meaning)}{(led && r.Reading.Cosines is null ? " (read by the words alone)" : "")}");
                    }
                }
            }
        }

        PrintFigures("leave-one-catalog-out / all catalogs", total);
        if (reachProbe && encoder is not null)
        {
            ReachProbe.Run(reads, rows, encoder, Evaluation.Lexical(root), failures);
        }

        if (sureProbe && encoder is not null)
        {
            SureProbe.Run(reads, rows, fitOptions.SureShape);
        }

        if (secondProbe && second is not null)
        {
            SecondOpinion.Probe("leave-one-catalog-out, tuning", rows.SelectMany(row => reads.Where(r => r.Set.Name == row.Name).Select(r => (r, row.Calibration))));
            var devSets = LabelledSet.Load(root, LabelledSet.Development);
            var choosing = DevChoice.ChoosingCatalogs(devSets);
            var devReads = SecondOpinion.Apply(Calibration.Read(Evaluation.Lexical(root), devSets, encoder, decisiveAt ?? SentenceLead.DecisiveAt, parts: partsReading), second, Evaluation.Lexical(root));
            var onAll = fittedOnAll ?? Calibration.Fit(reads, led, fitOptions);
            SecondOpinion.Probe("development sets, choosing half, fitted on the tuning part", devReads.Where(r => choosing.Contains(DevChoice.CatalogName(r.Set))).Select(r => (r, onAll)));
            SecondOpinion.Probe("development sets, confirming half, fitted on the tuning part", devReads.Where(r => !choosing.Contains(DevChoice.CatalogName(r.Set))).Select(r => (r, onAll)));
        }

        if (formProbe && encoder is not null)
        {
            FormProbe.Run(reads, rows, failures);
        }

        if (orderProbe && encoder is not null)
        {
            OrderProbe.Run("leave-one-catalog-out, tuning", rows.SelectMany(row => reads.Where(r => r.Set.Name == row.Name).Select(r => (r, row.Calibration))));
            var devSets = LabelledSet.Load(root, LabelledSet.Development);
            var choosing = DevChoice.ChoosingCatalogs(devSets);
            var devReads = Calibration.Read(Evaluation.Lexical(root), devSets, encoder, decisiveAt ?? SentenceLead.DecisiveAt, parts: partsReading);
            var onDev = fittedOnAll ?? EncoderCalibration.For(encoder.Model).Match;
            var (choosingReads, confirmingReads) = (devReads.Where(r => choosing.Contains(DevChoice.CatalogName(r.Set))).ToList(), devReads.Where(r => !choosing.Contains(DevChoice.CatalogName(r.Set))).ToList());
            OrderProbe.Run($"development sets, choosing half, {(fittedOnAll is null ? "stored calibration" : "fitted on the tuning part")}", choosingReads.Select(r => (r, onDev)));
            Console.WriteLine($"development sets (top-1 / reachable / wrong forms / abstention): choosing {DevChoice.Line(choosingReads, onDev)} | confirming {DevChoice.Line(confirmingReads, onDev)} | all {DevChoice.Line(devReads, onDev)}");
        }

        return total.Misses().Any() ? 1 : 0;
    }

    return 0;
}

var parts = part == "all" ? new[] { LabelledSet.Tuning, LabelledSet.HeldOut } : [part];
var evaluation = Evaluation.Lexical(root, encoder, decisiveAt ?? SentenceLead.DecisiveAt, partsReading);
var all = new List<Outcome>();
foreach (var name in parts)
{
    var sets = LabelledSet.Load(root, name);
    if (sets.Count == 0)
    {
        Console.WriteLine($"{name}: no labelled sets in eval/intake/{name}/");
        continue;
    }

    var outcomes = evaluation.Run(sets);
    all.AddRange(outcomes);
    foreach (var group in outcomes.GroupBy(o => o.Set.Name))
    {
        Print($"{name} / {group.Key}", group);
    }

    Print($"{name} / all catalogs", outcomes);
}

if (parts.Length > 1 && all.Count > 0)
{
    Print("overall (both parts)", all);
}

if (failures)
{
    foreach (var outcome in all.Where(o => o.Failed && o.Set.Part is LabelledSet.Tuning or LabelledSet.Development))
    {
        Console.WriteLine($"[{outcome.Set.Name}] \"{outcome.Utterance.Text}\" expected {outcome.Utterance.Expect}{SlotsText(outcome.Utterance.Slots)}; got {Describe(outcome.Meaning)}");
    }
}

var misses = all.Count == 0 ? [] : all.Aggregate(Figures.Empty, (sum, o) => sum + o.Figures).Misses().ToList();
return misses.Count == 0 ? 0 : 1;

static void Print(string title, IEnumerable<Outcome> outcomes) =>
    PrintFigures(title, outcomes.Aggregate(Figures.Empty, (sum, o) => sum + o.Figures));

static void PrintFigures(string title, Figures figures)
{
    Console.WriteLine(title);
    foreach (var (name, rate, goal, atMost) in figures.WithGoals())
    {
        var mark = rate.Value is not { } v ? " " : (atMost ? v <= goal : v >= goal) ? " " : "!";
        Console.WriteLine($"  {mark} {name,-20} {rate}   goal {(atMost ? "<=" : ">=")} {goal:P0}");
    }
}

static string SlotsText(IReadOnlyDictionary<string, string>? slots) =>
    slots is { Count: > 0 } ? $" {{{string.Join(", ", slots.Select(s => $"{s.Key}={s.Value}"))}}}" : "";

static string Describe(Meaning meaning) => meaning.Kind switch
{
    MeaningKind.Command => $"command:{meaning.Command}",
    MeaningKind.Item or MeaningKind.Choice or MeaningKind.Suggestion =>
        $"{meaning.Kind.ToString().ToLowerInvariant()}:[{string.Join(", ", meaning.Items.Select(m => $"{m.Item.Id} {m.Score:0.0}{SlotsText(m.Slots)}"))}]",
    _ => meaning.Kind.ToString().ToLowerInvariant(),
};
