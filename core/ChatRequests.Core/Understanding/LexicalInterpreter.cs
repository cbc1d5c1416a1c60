using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Core.Understanding;

/// <summary>Whether messages are read with the sentence encoder: off by configuration, its model or vectors still loading, ready, or failed (the words alone).</summary>
public enum EncoderState { Off, Loading, Ready, Failed }

/// <summary>
/// The default interpreter: the words, against the loaded catalog, and with a sentence encoder the meaning of the
/// whole message as well (ADR 0038; no network). Deterministic: the same text and catalog always mean the same. The
/// catalog's index is built once (and again only if the catalog hands out another list of items; two first messages
/// at once may both build it, and either is right). The items' sentence vectors are built beside it, off the turn:
/// until they are ready (or when the encoder fails) a message is read by its words alone.
/// </summary>
public sealed class LexicalInterpreter(ICatalog catalog, ISentenceEncoder? encoder = null, ILogger<LexicalInterpreter>? logger = null) : IMessageInterpreter
{
    /// <summary>What is read of a message: the form's justification holds as much; a longer text costs time, not meaning.</summary>
    private const int MaxLength = 2000;

    private readonly ILogger _logger = logger ?? NullLogger<LexicalInterpreter>.Instance;
    private readonly Lock _gate = new();
    private CatalogIndex? _index;
    private SemanticIndex? _semantic;
    private (IReadOnlyList<CatalogItem> Items, Task Task)? _building;
    private int _failuresLogged;

    /// <summary>Whether messages are read with the encoder's evidence now (its item vectors built for the current catalog).</summary>
    public bool EncoderReady => encoder is not null && _semantic is { } s && ReferenceEquals(s.Items, catalog.Items);

    /// <summary>What the sentence encoder adds now, for /health.</summary>
    public EncoderState EncoderState =>
        encoder is null ? EncoderState.Off : EncoderReady ? EncoderState.Ready : Volatile.Read(ref _failuresLogged) != 0 ? EncoderState.Failed : EncoderState.Loading;

    /// <summary>Builds the catalog's indexes now, the items' sentence vectors included (at start-up, before the first message).</summary>
    public void Prepare()
    {
        var items = Index().Items;
        if (encoder is not null)
        {
            Semantic(items)?.GetAwaiter().GetResult();
        }
    }

    public ValueTask<Meaning> InterpretAsync(string text, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Interpret(text));

    public Meaning Interpret(string text)
    {
        var reading = Read(text);
        if (reading.Cosines is null)
        {
            return Decide(reading, MatchCalibration.Fitted);
        }

        var fitted = EncoderCalibration.For(encoder!.Model);
        return Decide(reading, fitted.Match, fitted.Senses);
    }

    /// <summary>
    /// What the words say before any item is chosen: a command or report read from them outright, or the ranking of
    /// the catalog's items with what else was said. The evaluation reads each message once and decides it under
    /// several calibrations (<see cref="Decide(Reading, MatchCalibration)"/>).
    /// </summary>
    internal Reading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Length > MaxLength ? text[..MaxLength] : text;
        var index = Index();
        var reading = Read(text, index);
        return NeedsMeaning(reading) && Semantic(index.Items) is null && _semantic is { } semantic && ReferenceEquals(semantic.Items, index.Items)
            ? Encoded(reading, semantic)
            : reading;
    }

    /// <summary>
    /// From which probability of the words' own calibration their rule's form stands without the encoder
    /// (<see cref="SentenceLead.DecisiveAt"/>; above 1, every message the words leave open is encoded: the evaluation's comparison).
    /// </summary>
    internal double DecisiveAt { get; init; } = SentenceLead.DecisiveAt;

    /// <summary>
    /// Another reading of an encoded message than its whole vector's cosines and senses (the message, its vector): only the
    /// evaluation sets one, to measure a reading the bot does not take (ADR 0078, a message read by its parts).
    /// </summary>
    internal Func<string, float[], SemanticIndex, (float[] Cosines, Senses Senses)>? ReadEncoded { get; init; }

    /// <summary>
    /// Whether the encoder is asked: not when the words settle the message (a command or report, a request chased, a
    /// command word at all, so that the encoder never steals a command) nor when they are decisive about an item.
    /// </summary>
    private bool NeedsMeaning(Reading reading) =>
        encoder is not null && reading.Meaning is null && !reading.Chase && reading.Command is null
        && !SentenceLead.WordsAreDecisive(reading.Ranked, reading.QueryTerms, DecisiveAt);

    private Reading Encoded(Reading reading, SemanticIndex semantic)
    {
        try
        {
            var vector = encoder!.EncodeQuery(reading.Text);
            var (cosines, senses) = ReadEncoded?.Invoke(reading.Text, vector, semantic) ?? Whole(vector, semantic);
            return reading with { Cosines = cosines, Senses = senses };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailure(e);
            return reading;
        }
    }

    private static (float[] Cosines, Senses Senses) Whole(float[] vector, SemanticIndex semantic)
    {
        var cosines = semantic.Cosines(vector);
        return (cosines, semantic.Senses(vector, cosines));
    }

    /// <summary>
    /// Null when the items' vectors are built for these items; else the task building them (started here if nobody
    /// has), or null when there is no encoder.
    /// </summary>
    private Task? Semantic(IReadOnlyList<CatalogItem> items)
    {
        if (encoder is null || (_semantic is { } ready && ReferenceEquals(ready.Items, items)))
        {
            return null;
        }

        lock (_gate)
        {
            if (_building is not { } building || !ReferenceEquals(building.Items, items))
            {
                _building = building = (items, Task.Run(() => Build(items)));
            }

            return building.Task;
        }
    }

    private void Build(IReadOnlyList<CatalogItem> items)
    {
        try
        {
            var started = Environment.TickCount64;
            _semantic = new SemanticIndex(items, encoder!);
            _logger.LogInformation("Sentence vectors of {Items} catalog items built in {Milliseconds} ms", items.Count, Environment.TickCount64 - started);
        }
        catch (Exception e)
        {
            LogFailure(e);
        }
    }

    /// <summary>Once: a failing encoder fails every message, and the words alone still read them.</summary>
    private void LogFailure(Exception e)
    {
        if (Interlocked.Exchange(ref _failuresLogged, 1) == 0)
        {
            _logger.LogError(e, "The sentence encoder failed: messages are read by their words alone");
        }
    }

    private static Reading Read(string text, CatalogIndex index)
    {
        if (AvailabilityWords.ReadAsk(text) is { } availability)
        {
            return Reading.Final(new Meaning
            {
                Kind = MeaningKind.Command, Command = ChatCommand.Availability, Available = availability.Available, UnavailableUntil = availability.UntilText,
            });
        }

        if (DelegationWords.Read(text) is { } delegation)
        {
            return Reading.Final(new Meaning { Kind = MeaningKind.Command, Command = ChatCommand.Delegation, Delegation = delegation });
        }

        if (ExportWords.Read(text) is { } export)
        {
            var exportCommand = export.Kind == ExportKind.PersonErase ? ChatCommand.Erase : ChatCommand.Export;
            return Reading.Final(new Meaning { Kind = MeaningKind.Command, Command = exportCommand, Export = export });
        }

        if (ParkedWords.Matches(text))
        {
            return Reading.Final(new Meaning { Kind = MeaningKind.Command, Command = ChatCommand.Parked });
        }

        if (ReportWords.Read(text, index.IsCategory) is { } report)
        {
            return Reading.Final(new Meaning { Kind = MeaningKind.Command, Command = ChatCommand.Report, Report = report });
        }

        var urgency = UrgencyWords.Find(text);
        var words = index.Compounds(Tokens.Read(text), text);
        var requestId = RequestNumber.FindIn(text);
        if (requestId is not null && AuditWords.Read(text) is { } audit)
        {
            return Reading.Final(Command(audit, requestId, urgency));
        }

        var command = CommandWords.Find(words, requestId is not null, index.Knows);
        var chase = command is { Strength: CommandStrength.Strong, Command: ChatCommand.MyRequests or ChatCommand.ShowRequest }
            && CommandWords.IsFollowUp(words, index.Knows);
        if (command is { Strength: CommandStrength.Strong } && !chase)
        {
            return Reading.Final(Command(command.Value.Command, requestId, urgency));
        }

        var query = ItemTerms(words, index);
        return new Reading(null, index, words, query.DistinctBy(w => w.Term).Count(), ItemScorer.Rank(index, query, words), command, chase, requestId, urgency) { Text = text };
    }

    /// <summary>What a reading means once the calibration has said how sure its ranking is.</summary>
    internal static Meaning Decide(Reading reading, MatchCalibration calibration) => Decide(reading, calibration, SenseCalibration.Fitted);

    /// <summary>What a reading means under a match calibration and, for a message read by meaning, a calibration of its senses.</summary>
    /// <param name="trace">Only the evaluation passes one: which path held back the first candidate's form (ADR 0094).</param>
    internal static Meaning Decide(Reading reading, MatchCalibration calibration, SenseCalibration senseCalibration, DecisionTrace? trace = null)
    {
        if (reading.Meaning is { } final)
        {
            return final;
        }

        var (index, words, command, requestId, urgency) = (reading.Index, reading.Words, reading.Command, reading.RequestId, reading.Urgency);
        var (kind, items) = reading.Cosines is { } cosines
            ? SentenceLead.Decide(reading, cosines, calibration, trace)
            : MatchDecision.Decide(reading.Ranked, reading.QueryTerms, calibration, trace);
        if (kind == MeaningKind.Choice && Variants.PlainAsked(index, words, items))
        {
            (kind, items) = (MeaningKind.Item, [items[0]]);
            trace?.Restored();
        }

        if (reading.Chase)
        {
            // Which request is chased: the number, else the items the words name ("my laptop").
            return Command(command!.Value.Command, requestId, urgency) with
            {
                FollowUp = true,
                Items = kind == MeaningKind.Unknown ? [] : [.. items.Select(m => new ItemMatch(index.Items[m.Index], m.Score, new Dictionary<string, string>()))],
            };
        }

        // A supply, part or accessory for the item's thing, or the item's kind said only as not wanted (ADR 0091): a question.
        if (kind == MeaningKind.Item && AnotherThingHeld(words, index, items[0]) is var other and not FormHold.None)
        {
            trace?.Held(other);
            kind = MeaningKind.Suggestion;
        }

        // "book a table for eight at the Crown": work done in the system, not an ask for its access (ADR 0064).
        if (kind == MeaningKind.Item && SystemTask.IsDoneIn(words, index, items[0]))
        {
            trace?.Held(FormHold.SystemTask);
            kind = MeaningKind.Suggestion;
        }

        if (IncidentWords.IsFault(words, kind != MeaningKind.Unknown, kind == MeaningKind.Item ? index.Phrases[items[0].Index] : null))
        {
            trace?.Held(FormHold.Fault);
            return Incident(reading, items, urgency);
        }

        // What the words left open may be a command or a fault by its meaning (ADR 0045); never where they gave a form.
        if (kind != MeaningKind.Item && reading.Senses is { } senses)
        {
            switch (senseCalibration.Decide(senses))
            {
                case SenseKind.Command:
                    return Command(senses.Command, requestId, urgency);
                case SenseKind.Fault:
                    return Incident(reading, items, urgency);
            }
        }

        // Nearer in meaning to an ask no catalog provides than to the item: a question, never a form (ADR 0050).
        if (kind == MeaningKind.Item && reading.Senses is { } asked && senseCalibration.AsksForNoItem(asked))
        {
            trace?.Held(FormHold.NoneByMeaning);
            kind = MeaningKind.Suggestion;
        }

        // A command said beside a form for an item no name or keyword of which was said whole (its words only in part, or
        // of its description or category, ADR 0056): the command ("which equipment can a station order here, show me the list");
        // not a team's queue or approvals found beside something wanted ("the queue at the desk is long, we'd like a kiosk", ADR 0097).
        if (command is { } c && (kind is MeaningKind.Unknown or MeaningKind.Suggestion || (c.Strength == CommandStrength.Medium && kind != MeaningKind.Item)
            || (kind == MeaningKind.Item && items[0].Named == 0 && !(c.Command is ChatCommand.Queue or ChatCommand.Approvals && CommandWords.WantsSomething(words)))))
        {
            trace?.Held(FormHold.CommandBeside);
            return Command(c.Command, requestId, urgency);
        }

        // Nothing decided, yet some items are near it in meaning: those, not the whole catalog (ADR 0052).
        if (kind == MeaningKind.Unknown && reading.Cosines is { } near)
        {
            (kind, items) = SentenceLead.NearestOnly(reading.Ranked, near);
        }

        return new Meaning { Kind = kind, Items = Matches(reading, items), UrgencyHint = urgency };
    }

    private static FormHold AnotherThingHeld(Word[] words, CatalogIndex index, ScoredItem item) =>
        OtherThing.Why(words, index, item) is var why and not FormHold.None ? why
        : NotTheItem.IsAskedFor(words, index, item) ? FormHold.NotTheItem : FormHold.None;

    /// <summary>
    /// A fault report, holding the items the message was otherwise nearest (the decision's, else by meaning): offered
    /// if the person says it was a request after all (ADR 0052).
    /// </summary>
    private static Meaning Incident(Reading reading, IReadOnlyList<ScoredItem> items, Urgency? urgency)
    {
        var offered = items.Count > 0 || reading.Cosines is not { } cosines ? items : SentenceLead.NearestOnly(reading.Ranked, cosines).Items;
        return new Meaning { Kind = MeaningKind.Incident, Items = Matches(reading, offered), UrgencyHint = urgency };
    }

    private static IReadOnlyList<ItemMatch> Matches(Reading reading, IReadOnlyList<ScoredItem> items) =>
        [.. items.Select(s => new ItemMatch(reading.Index.Items[s.Index], s.Score, SlotReader.Read(reading.Index.Items[s.Index], reading.Words, reading.Index.Naming(s.Index))))];

    private static Meaning Command(ChatCommand chatCommand, string? requestId, Urgency? urgency) =>
        new() { Kind = MeaningKind.Command, Command = chatCommand, RequestId = requestId, UrgencyHint = urgency };

    /// <summary>
    /// The content words that may pick an item: answers many items share ("Berlin office", "Ward 7B") only fill the
    /// form, and so does their field's own word beside them ("German keyboard" on a laptop) when more is said.
    /// </summary>
    internal static List<Word> ItemTerms(Word[] words, CatalogIndex index)
    {
        var negated = Negated(words);
        var terms = words.Where((w, n) => w.IsContent && !negated.Contains(n)).ToList();
        var answer = new bool[terms.Count];
        foreach (var shared in index.SharedAnswers)
        {
            for (var start = 0; start + shared.Length <= terms.Count; start++)
            {
                if (terms.Skip(start).Take(shared.Length).Select(w => w.Term).SequenceEqual(shared, StringComparer.Ordinal))
                {
                    Array.Fill(answer, true, start, shared.Length);
                }
            }
        }

        for (var i = 0; i < terms.Count; i++)
        {
            answer[i] |= index.AnswerOnly.Contains(terms[i].Term);
        }

        // A place's word inside an item's name said whole ("the warehouse system", "point of sale") names the item.
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            if ((answer[i] || answer[i + 1]) && NamePair(terms[i], terms[i + 1]))
            {
                answer[i] = answer[i + 1] = false;
            }
        }

        var kept = terms.Where((_, i) => !answer[i]).ToList();
        var labels = terms.Where((w, i) => !answer[i] && index.AnswerLabels.Contains(w.Term)
            && ((i > 0 && answer[i - 1]) || (i + 1 < terms.Count && answer[i + 1]))).ToList();
        // Only when what is left can still pick an item: "a cordless keyboard, US layout" is still a keyboard.
        var rest = kept.Except(labels).ToList();
        return rest.Any(w => index.Knows(w.Term)) ? rest : kept;

        // The second word perhaps misspelt ("warehouse sytem"): compared with the pairs the first word starts only.
        bool NamePair(Word first, Word second) =>
            index.NamingPairs.Contains(CatalogIndex.Key2(first.Term, second.Term))
            || (!EnglishWords.Contains(second.Raw) && index.NamedAfter(first.Term).Any(t => Similarity.Typo(second.Term, t) >= Similarity.OneEdit || Similarity.Typo(second.Raw, t) >= Similarity.OneEdit));
    }

    /// <summary>
    /// The positions of what the words say a thing must not have ("ear defenders with no radio or cable", "a laptop
    /// without a camera"): those words describe the thing asked for, they do not ask for the thing they name.
    /// </summary>
    private static HashSet<int> Negated(Word[] words)
    {
        var negated = new HashSet<int>();
        for (var n = 0; n < words.Length; n++)
        {
            if (words[n].Raw != "without" && !(words[n].Raw == "no" && n > 0 && words[n - 1].Raw == "with"))
            {
                continue;
            }

            var j = n + 1;
            while (j < words.Length && words[j].Raw is "a" or "an" or "any" or "the")
            {
                j++;
            }

            while (j < words.Length)
            {
                if (words[j].IsContent)
                {
                    negated.Add(j++);
                }
                else if (words[j].Raw is "or" or "and" or "nor" && j + 1 < words.Length && words[j + 1].IsContent)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }
        }

        return negated;
    }

    private CatalogIndex Index()
    {
        var items = catalog.Items;
        var index = _index;
        if (index is null || !ReferenceEquals(index.Items, items))
        {
            _index = index = new CatalogIndex(items);
        }

        return index;
    }
}
