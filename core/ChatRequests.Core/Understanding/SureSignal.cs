using System.Numerics;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// A sign, read from the message's own words against the whole catalog, that the words name the first candidate itself
/// rather than its family (ADR 0076), a second sentence model's agreement with it (ADR 0082), or the message read word by word (ADR 0086): added to
/// <see cref="SentenceLead.SureFeatures"/> when the calibration was fitted with it.
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

    /// <summary>Whether a second sentence model's nearest item is the first candidate (ADR 0082; <see cref="Reading.SecondCosines"/>).</summary>
    SecondNearest,

    /// <summary>A second sentence model's cosine of the first candidate less its best cosine of any other item, in tenths (ADR 0082).</summary>
    SecondLead,

    /// <summary>A second sentence model's cosine of the first candidate itself, in tenths from 0.6 (ADR 0082).</summary>
    SecondCosine,

    /// <summary>
    /// The first candidate's late-interaction score less the best other item's, in tenths
    /// (ADR 0086; <see cref="Reading.Late"/>).
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
            return SecondOpinion(signal, judged[0].Item.Index, reading.SecondCosines
                ?? throw new InvalidOperationException($"{signal} is read from a second sentence model's cosines, and this message has none."));
        }

        var first = judged[0].Item.Fitting;
        var others = 0UL;
        foreach (var s in reading.Ranked)
        {
            others |= s.Index == judged[0].Item.Index ? 0 : s.Fitting;
        }

        return signal switch
        {
            SureSignal.Distinguishing => first == 0 ? 0 : (double)BitOperations.PopCount(first & ~others) / BitOperations.PopCount(first),
            SureSignal.Subsumes => judged.Count < 2 || ((judged[1].Item.Fitting & ~first) == 0 && first != judged[1].Item.Fitting) ? 1 : 0,
            SureSignal.ElsewhereExplained => (double)BitOperations.PopCount(others & ~first) / Math.Max(1, Math.Min(64, reading.QueryTerms)),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "No value for this signal."),
        };
    }

    // The late-interaction score's lead in tenths: the fit's ridge shrinks raw cosine differences to nothing (ADR 0082).
    private static double Late(SureSignal signal, int first, Reading reading)
    {
        var late = reading.Late ?? throw new InvalidOperationException($"{signal} is read from the message's late interaction, and this message has none.");
        return signal switch
        {
            SureSignal.LateLead => 10 * late.Lead(first),
            SureSignal.LateNearest => late.Lead(first) > 0 ? 1 : 0,
            _ => late.Explained(first),
        };
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
