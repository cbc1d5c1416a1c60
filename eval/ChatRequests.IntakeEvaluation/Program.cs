using ChatRequests.IntakeEvaluation;
using ChatRequests.SentenceEncoding;

// dotnet run --project eval/ChatRequests.IntakeEvaluation [-- --part tuning|heldout|dev|all] [--failures] [--loco] [--fit] [--goals-first]
// Prints the figures per catalog, per part and overall; with --failures, what went wrong on the tuning part (or on a
// development set: --part dev reads eval/intake/dev/, a helper's own sentences, never in "all").
// --miss-kinds: under each part's figures, its item sentences not given their item's form, by what they got (asked "did you
//   mean" it, it first of a choice, another item's form, a command, ...): totals only, the held-out part too.
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
// --sure-signal None|Distinguishing|Subsumes|ElsewhereExplained|SecondNearest|SecondLead|SecondCosine|LateLead|LateNearest|LateExplained|<a shape signal>: with --fit, --loco or --dev-choice and the encoder, a sign of the item
//   named rather than its family added to the sureness's features, read from the words against the whole catalog (ADR 0076);
//   the stored line's (Distinguishing) unless told.
// --loco --encoder --sure-probe: the log loss and AUC of the sureness of each catalog's first candidates under the fit without it (ADR 0075).
// --cross-fitted-bars: the sentence-led bars fitted on each training catalog's sureness from a sure model fitted without it (ADR 0075).
// --cross-fit folds|halves: with --fit, --loco or --dev-choice and the encoder, the sentence-led bars fitted on each training sentence
//   decided by a whole fit (weights and sureness) without its catalog (folds) or without its half of the catalogs (halves); ADR 0085.
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
// --encoder --lend-probe: the encoder's nearest item right with other catalogs' labelled sentences lent to like items (bars 0.6-0.8,
//   steps 0-0.1), LOCO on the tuning part and on the development sets, never a catalog's own; how many items borrow (ADR 0083).
// --encoder --loco --lend BAR STEP (or --dev-choice --lend BAR STEP): the decision refitted with the lent cosines, against the plain (ADR 0083);
//   --lend-head: only from a lender whose name ends in the same thing as the item's.
// --encoder --self-probe: each catalog's self-test (its own texts read against it without that text, the "none" exemplars against it)
//   beside its real figures out of sample, their rank correlations across catalogs, and the self-test's time on 200 items (ADR 0087).
// --encoder --loco --self-calibrate Affine|Shift (or --dev-choice): the decision refitted with each catalog's item cosines mapped onto the
//   common scale by its self-test, against the plain cosines (ADR 0087); --self-questions Texts|Framed: the questions, each item text without
//   it (default) or each item's name framed "I need a new …" without its name-and-description passage.
// --late: with --loco or --dev-choice and the encoder, each message the encoder reads also read word by word against the items' words (late
//   interaction: MaxSim over MiniLM's content token vectors; ADR 0086; implied by --sure-signal LateLead|LateNearest|LateExplained);
//   --late-mix W: each item's cosine (1-W) of the pooled and W of MaxSim (the order too); --loco --encoder --late-probe: the right item
//   nearest by MaxSim against the pooled cosine, the AUC of the late signals among first candidates (LOCO and the dev halves), and the cost.
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
// --catalog-shape: with --fit, --loco or --dev-choice and the encoder, the messages the encoder reads read against their catalog's shape
//   (item-item cosines, centroid), for the sureness's --sure-signal Isolation|SiblingLead|SiblingRank|Density|CentroidCosine|PairCosine|
//   HubLead|CentroidStanding|PairLead (ADR 0084; implied by those signals); --loco --catalog-shape-probe: how well each separates a right
//   first candidate from a wrong or "none" one (LOCO, and the development sets' halves under the fit on all).
// --path-census [--encoder]: which path of the decision (the calibrated bars, the agreed bar's parts, or a guard after the decision)
//   held back the form of each item sentence whose right item is the first candidate, and the wrong forms each path prevented
//   ("none" and other-item sentences), on the tuning part and the development sets but their check files; totals only (ADR 0094).
// --rank-probe [--part dev]: the item sentences whose item the words do not rank first, where it stands and what is above it.
// --encoder-probe: what the encoder alone knows of the tuning part (its nearest item, how its best cosine separates kinds).
// --fit-senses: fits when a message the words leave open is a command or a fault by its meaning (ADR 0045), leave-one-catalog-out
//   and on the whole tuning part, and prints SenseCalibration.Fitted's line (reads with the encoder).
// --model MiniLM|ArcticXs|Both: the sentence model (Both: the two read together, the mean of their cosines, --pair-weight W: W of MiniLM's; with --fit, --loco, --dev-choice, --fit-senses only, and a W with senses fitted in PairedEncoder.FittedSenses but for --fit-senses; ADR 0071) (default the bot's, SentenceEncoderOptions.DefaultModelName); --no-query-prefix:
//   a retrieval model reads messages without its query prefix (ADR 0048).
// Held-out texts are never printed: nothing may be tuned against them, and --loco and --fit read the tuning part only.
var (options, error) = EvalOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(EvalOptions.Usage);
    return 2;
}

var root = Evaluation.FindRoot();
if (options.EncoderFidelity)
{
    using var original = new EncoderSession(options.Model.Original(), options.Model);
    using var slim = new EncoderSession(options.Model.Slim(), options.Model);
    var figures = EncoderFidelity.Measure(original, slim, root);
    Console.WriteLine(figures);
    foreach (var miss in figures.Misses())
    {
        Console.WriteLine($"  ! {miss}");
    }

    return figures.Misses().Any() ? 1 : 0;
}

Console.WriteLine(options.Paired
    ? $"sentence models: {PairedEncoder.Name}, {options.PairWeight} of MiniLM's cosine and {1 - options.PairWeight} of arctic's"
    : $"sentence model: {options.Model.Name}{(options.Model.QueryPrefix.Length > 0 ? $", queries prefixed \"{options.Model.QueryPrefix}\"" : "")}");
using var session = new EvalSession(options, root);
return session.Run();
