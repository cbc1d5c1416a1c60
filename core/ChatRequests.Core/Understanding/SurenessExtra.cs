namespace ChatRequests.Core.Understanding;

/// <summary>
/// What the evaluation adds to the sentence-led sureness to measure what the bot does not run (boosted trees, ADR 0075;
/// a sign of sureness from the words, a second model or the catalog's shape, ADR 0076, 0082, 0084): features after
/// <see cref="SentenceLead.SureFeatures"/>' own and a term on their log odds. No stored calibration has one; the bot
/// never sets one (the seam of ADR 0078's <see cref="LexicalInterpreter.ReadEncoded"/>).
/// </summary>
internal interface ISurenessExtra
{
    /// <summary>The features appended to the sureness's own for the first candidate (none: empty).</summary>
    double[] Features(List<(ScoredItem Item, double Probability, bool Rule)> judged, Reading reading);

    /// <summary>The log odds of the sureness's weights, with what this adds to them.</summary>
    double LogOdds(double weighed, double[] features);
}
