using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Where top-1's misses go (<c>--miss-kinds</c>): the item sentences not given their item's form, counted by what the
/// bot did instead. Totals only, so it may read the held-out part: no sentence is printed. An incident's answer shows the
/// first few items the words were near (ADR 0089): whether the right one is among them is counted.
/// </summary>
public static class MissKinds
{
    /// <summary>What an item sentence that missed its form got, in the order a reader weighs them.</summary>
    public enum Kind
    {
        AskedFirst,
        FirstOfAChoice,
        LaterInAChoice,
        AnotherItemsForm,
        OfferedWithoutIt,
        Command,
        IncidentOfferingIt,
        Incident,
        NothingClose,
    }

    /// <summary>The kind of an item sentence's miss, or none when it got its item's form (or is no item sentence).</summary>
    public static Kind? Of(Outcome outcome)
    {
        if (outcome.Figures.Top1 is not { Cases: 1, Hits: 0 })
        {
            return null;
        }

        var meaning = outcome.Meaning;
        var at = IndexOf(meaning, outcome.Utterance.Expect);
        return meaning.Kind switch
        {
            MeaningKind.Item => Kind.AnotherItemsForm,
            MeaningKind.Suggestion when at == 0 => Kind.AskedFirst,
            MeaningKind.Choice when at == 0 => Kind.FirstOfAChoice,
            MeaningKind.Suggestion or MeaningKind.Choice when at > 0 => Kind.LaterInAChoice,
            MeaningKind.Suggestion or MeaningKind.Choice => Kind.OfferedWithoutIt,
            MeaningKind.Command => Kind.Command,
            MeaningKind.Incident => at >= 0 && at < Meaning.ShownBesideAnIncident ? Kind.IncidentOfferingIt : Kind.Incident,
            _ => Kind.NothingClose,
        };
    }

    internal static void Print(string title, IEnumerable<Outcome> outcomes)
    {
        var kinds = outcomes.Select(Of).OfType<Kind>().ToList();
        Console.WriteLine($"{title}: {kinds.Count} item sentences without their item's form, by what they got");
        foreach (var kind in Enum.GetValues<Kind>())
        {
            Console.WriteLine($"    {Label(kind),-36} {kinds.Count(k => k == kind),6}");
        }
    }

    private static int IndexOf(Meaning meaning, string expect)
    {
        var (_, id) = Evaluation.Split(expect);
        for (var i = 0; i < meaning.Items.Count; i++)
        {
            if (meaning.Items[i].Item.Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Label(Kind kind) => kind switch
    {
        Kind.AskedFirst => "asked \"did you mean\" it",
        Kind.FirstOfAChoice => "it first of a choice",
        Kind.LaterInAChoice => "it later in a choice or question",
        Kind.AnotherItemsForm => "another item's form",
        Kind.OfferedWithoutIt => "a choice or question without it",
        Kind.Command => "a command",
        Kind.IncidentOfferingIt => "an incident, it shown beside",
        Kind.Incident => "an incident",
        _ => "nothing close",
    };
}
