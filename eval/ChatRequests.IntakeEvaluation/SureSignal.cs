using System.Numerics;

using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// A sign, read from the message's own words against the whole catalog, that the words name the first candidate itself
/// rather than its family (ADR 0076), a second sentence model's agreement with it (ADR 0082), the first candidate and the
/// message read against the catalog's shape (ADR 0084, <see cref="CatalogShape"/>), or the message read word by word (ADR
/// 0086, <see cref="ReadingExtras.Late"/>): added to
/// <see cref="SentenceLead.SureFeatures"/> (through <see cref="SureExtra"/>) when the calibration was fitted with it. Only the
/// evaluation reads these: no stored calibration has one.
/// </summary>
internal enum SureSignal
{
    /// <summary>None: the features of ADR 0041 to 0075 alone.</summary>
    None,

    /// <summary>The share of the message's terms fitting the first candidate that fit no other item of the catalog.</summary>
    Distinguishing,

    /// <summary>Whether every term fitting the second candidate fits the first too, and the first fits more.</summary>
    Subsumes,

    /// <summary>The share of the message's terms the first candidate leaves unfitted and another item fits.</summary>
    ElsewhereExplained,

    /// <summary>Whether a second sentence model's nearest item is the first candidate (ADR 0082; <see cref="ReadingExtras.SecondCosines"/>).</summary>
    SecondNearest,

    /// <summary>A second sentence model's cosine of the first candidate less its best cosine of any other item, in tenths (ADR 0082).</summary>
    SecondLead,

    /// <summary>A second sentence model's cosine of the first candidate itself, in tenths from 0.6 (ADR 0082).</summary>
    SecondCosine,

    /// <summary>The first candidate's cosine with its nearest sibling item, in tenths from 0.6 (ADR 0084; <see cref="ReadingExtras.Shape"/>).</summary>
    Isolation,

    /// <summary>The message's cosine with the first candidate less the first's cosine with its nearest sibling, in tenths (ADR 0084).</summary>
    SiblingLead,

    /// <summary>log(1 + how many of the first candidate's siblings are nearer it than the message is) (ADR 0084).</summary>
    SiblingRank,

    /// <summary>The catalog's mean cosine of an item with its nearest sibling, in tenths from 0.6 (ADR 0084).</summary>
    Density,

    /// <summary>The message's cosine with the catalog's centroid, in tenths from 0.4 (ADR 0084).</summary>
    CentroidCosine,

    /// <summary>
    /// The cosine of the first candidate with the item next nearest the message, in tenths from 0.6 (ADR 0084): a small lead
    /// between near twins is the family named, between unrelated items a message that fits neither.
    /// </summary>
    PairCosine,

    /// <summary>The message's cosine with the first candidate less the mean of the first's cosines with its five nearest siblings, in tenths (ADR 0084).</summary>
    HubLead,

    /// <summary>The message's cosine with the catalog's centroid less an item text's mean one, in tenths (ADR 0084): near the middle or far from all of it.</summary>
    CentroidStanding,

    /// <summary>
    /// The message's lead of the first candidate over the item next nearest it, in units of those two items' distance
    /// (1 − their cosine, at least 0.1), times 5 (ADR 0084): the same lead is a clearer choice between near twins.
    /// </summary>
    PairLead,

    /// <summary>
    /// The first candidate's late-interaction score less the best other item's, in tenths
    /// (ADR 0086; <see cref="ReadingExtras.Late"/>).
    /// </summary>
    LateLead,

    /// <summary>Whether the first candidate is the nearest by late interaction (ADR 0086).</summary>
    LateNearest,

    /// <summary>
    /// The share of the message's content tokens the first candidate explains in meaning and
    /// no other item does (ADR 0086).
    /// </summary>
    LateExplained,
}

/// <summary>The value of a <see cref="SureSignal"/> for a decision's candidates.</summary>
internal static class SureSignals
{
    public static double Of(SureSignal signal, List<(ScoredItem Item, double Probability, bool Rule)> judged, Reading reading)
    {
        if (signal is SureSignal.LateLead or SureSignal.LateNearest or SureSignal.LateExplained)
        {
            return Late(signal, judged[0].Item.Index, reading);
        }

        if (signal is SureSignal.SecondNearest or SureSignal.SecondLead or SureSignal.SecondCosine)
        {
            return SecondOpinion(signal, judged[0].Item.Index, ReadingExtras.Of(reading).SecondCosines
                ?? throw new InvalidOperationException($"{signal} is read from a second sentence model's cosines, and this message has none."));
        }

        if (signal is SureSignal.Isolation or SureSignal.SiblingLead or SureSignal.SiblingRank or SureSignal.Density or SureSignal.CentroidCosine
            or SureSignal.PairCosine or SureSignal.HubLead or SureSignal.CentroidStanding
            or SureSignal.PairLead)
        {
            return AgainstTheCatalog(signal, judged[0].Item.Index, reading.Cosines!, ReadingExtras.Of(reading).Shape
                ?? throw new InvalidOperationException($"{signal} is read from the catalog's shape, and this message has none."));
        }

        var fitting = Fitting(reading);
        var first = fitting[judged[0].Item.Index];
        var others = 0UL;
        foreach (var s in reading.Ranked)
        {
            others |= s.Index == judged[0].Item.Index ? 0 : fitting[s.Index];
        }

        return signal switch
        {
            SureSignal.Distinguishing => first == 0 ? 0 : (double)BitOperations.PopCount(first & ~others) / BitOperations.PopCount(first),
            SureSignal.Subsumes => judged.Count < 2 || ((fitting[judged[1].Item.Index] & ~first) == 0 && first != fitting[judged[1].Item.Index]) ? 1 : 0,
            SureSignal.ElsewhereExplained => (double)BitOperations.PopCount(others & ~first) / Math.Max(1, Math.Min(64, reading.QueryTerms)),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "No value for this signal."),
        };
    }

    // The late-interaction score's lead in tenths: the fit's ridge shrinks raw cosine differences to nothing (ADR 0082).
    private static double Late(SureSignal signal, int first, Reading reading)
    {
        var late = ReadingExtras.Of(reading).Late ?? throw new InvalidOperationException($"{signal} is read from the message's late interaction, and this message has none.");
        return signal switch
        {
            SureSignal.LateLead => 10 * late.Lead(first),
            SureSignal.LateNearest => late.Lead(first) > 0 ? 1 : 0,
            _ => late.Explained(first),
        };
    }

    /// <summary>
    /// Which of the message's distinct content terms fit each item (<see cref="ItemScorer.Rank"/>'s <c>fitting</c>): the words
    /// ranked again, asking for it, so that the bot's ranking never computes it. An item the words did not rank fits none.
    /// </summary>
    private static ulong[] Fitting(Reading reading)
    {
        var fitting = new ulong[reading.Index.Items.Count];
        ItemScorer.Rank(reading.Index, LexicalInterpreter.ItemTerms(reading.Words, reading.Index), reading.Words, fitting);
        return fitting;
    }

    /// <summary>
    /// How the message and the first candidate stand against the catalog's shape (ADR 0084); cosines in tenths, centred near
    /// their median (the fit's ridge shrinks raw cosine signals to nothing, ADR 0082).
    /// </summary>
    private static double AgainstTheCatalog(SureSignal signal, int first, float[] cosines, ShapeReading reading) => signal switch
    {
        SureSignal.Isolation => 10 * (reading.Shape.Isolation[first] - 0.6),
        SureSignal.SiblingLead => 10 * (cosines[first] - reading.Shape.Isolation[first]),
        SureSignal.SiblingRank => Math.Log(1 + reading.Shape.SiblingsNearer(first, cosines[first])),
        SureSignal.Density => 10 * (reading.Shape.Density - 0.6),
        SureSignal.PairCosine => cosines.Length < 2 ? 0 : 10 * (reading.Shape.Between(first, NextNearest(cosines, first)) - 0.6),
        SureSignal.HubLead => 10 * (cosines[first] - reading.Shape.Hubness(first, 5)),
        SureSignal.PairLead => cosines.Length < 2 ? 0 : PairLead(cosines, first, reading.Shape),
        SureSignal.CentroidStanding => 10 * (reading.CentroidCosine - reading.Shape.ItemCentroidCosine),
        _ => 10 * (reading.CentroidCosine - 0.4),
    };

    private static double PairLead(float[] cosines, int first, CatalogShape shape)
    {
        var next = NextNearest(cosines, first);
        return 5 * (cosines[first] - cosines[next]) / Math.Max(0.1, 1 - shape.Between(first, next));
    }

    /// <summary>The item nearest the message but <paramref name="first"/>.</summary>
    private static int NextNearest(float[] cosines, int first)
    {
        var next = first == 0 ? 1 : 0;
        for (var i = 0; i < cosines.Length; i++)
        {
            next = i != first && cosines[i] > cosines[next] ? i : next;
        }

        return next;
    }

    /// <summary>
    /// How a second model's cosines stand on the first candidate: nearest or not, its lead over the best other item, or its own;
    /// cosines in tenths (its own from 0.6, about an item sentence's median): the fit's ridge (1 on every weight) shrank the
    /// raw ones to nothing (ADR 0082).
    /// </summary>
    private static double SecondOpinion(SureSignal signal, int first, float[] second)
    {
        var other = float.MinValue;
        for (var i = 0; i < second.Length; i++)
        {
            other = i == first ? other : Math.Max(other, second[i]);
        }

        var lead = second.Length > 1 ? second[first] - other : second[first];
        return signal switch
        {
            SureSignal.SecondNearest => lead > 0 ? 1 : 0,
            SureSignal.SecondLead => 10 * lead,
            _ => 10 * (second[first] - 0.6),
        };
    }
}
