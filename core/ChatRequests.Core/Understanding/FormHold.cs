namespace ChatRequests.Core.Understanding;

/// <summary>
/// Which path of the decision took the form away from its first candidate (ADR 0094): the calibrated decision below its
/// bars, or a guard after it that turned a form into a question, an incident or a command. Only the evaluation reads it
/// (<c>--path-census</c>); the bot decides without a trace.
/// </summary>
internal enum FormHold
{
    /// <summary>The form stood, or there was none to take (no candidate at all).</summary>
    None,

    /// <summary>The words alone: the calibrated probability below its bar (ADR 0037).</summary>
    WordsBelowBar,

    /// <summary>Sentence-led: the sureness below every bar, the agreed one too (ADR 0041).</summary>
    SurenessBelowBars,

    /// <summary>Sentence-led, above the agreed bar but not agreed: the words rank another item first (ADR 0055).</summary>
    AgreedBarWordsTop,

    /// <summary>Sentence-led, above the agreed bar but not agreed: another item is nearest in meaning (ADR 0055).</summary>
    AgreedBarNearest,

    /// <summary>Sentence-led, above the agreed bar but not agreed: the thing asked for is not the item's own alone (ADR 0055).</summary>
    AgreedBarAskHead,

    /// <summary>Another thing (<see cref="OtherThing"/>): one word names the item among several the catalog has never seen.</summary>
    OtherThingStrangeWords,

    /// <summary>Another thing: the item's word followed by a thing ("laptop bag").</summary>
    OtherThingFollowing,

    /// <summary>Another thing: the item's one word after another kind of thing ("a desk phone").</summary>
    OtherThingBefore,

    /// <summary>Another thing: the item named only in what an unknown thing is for ("a site for our project").</summary>
    OtherThingPurpose,

    /// <summary>Another thing: a supply or stock of the item's thing ("paper rolls for the receipt printers").</summary>
    OtherThingSupply,

    /// <summary>Another thing: the head of the ask is a noun that is not the item's ("a webcam, the one in my laptop...").</summary>
    OtherThingAskedHead,

    /// <summary>The item's kind said only as not wanted (<see cref="NotTheItem"/>, ADR 0091).</summary>
    NotTheItem,

    /// <summary>Work done in the system, not an ask for its access (<see cref="SystemTask"/>, ADR 0064).</summary>
    SystemTask,

    /// <summary>A fault report (<see cref="IncidentWords.IsFault"/>).</summary>
    Fault,

    /// <summary>Nearer in meaning to an ask no catalog provides (<see cref="SenseCalibration.AsksForNoItem"/>, ADR 0050).</summary>
    NoneByMeaning,

    /// <summary>A command said beside a form for an item not named whole (ADR 0056).</summary>
    CommandBeside,
}

/// <summary>What the evaluation learns of one decision (ADR 0094): its first candidate and the path that held back its form.</summary>
internal sealed class DecisionTrace
{
    /// <summary>The candidate the decision put first (the words' top, or the sentence-led decision's most likely); none with no candidate.</summary>
    public int? First { get; set; }

    public FormHold Hold { get; private set; }

    /// <summary>Records the path that took the form away; the first one only, since no later path gives a form back.</summary>
    public void Held(FormHold path)
    {
        if (Hold == FormHold.None)
        {
            Hold = path;
        }
    }

    /// <summary>A choice made a form again (<see cref="Variants.PlainAsked"/>): nothing held it back after all.</summary>
    public void Restored() => Hold = FormHold.None;
}
