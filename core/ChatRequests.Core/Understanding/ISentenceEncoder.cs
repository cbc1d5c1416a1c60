namespace ChatRequests.Core.Understanding;

/// <summary>
/// Language knowledge from a sentence encoder (ADR 0038): a text as a unit vector whose cosine with another's says how
/// close their meanings are, whatever words they share. Thread-safe; deterministic for the same text.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>
    /// Which model the vectors are of (<see cref="SentenceModelNames"/>): a message is read with the calibrations fitted for
    /// it (ADR 0048), and vectors of two models are never compared.
    /// </summary>
    string Model { get; }

    /// <summary>A text to be found (an item's name, description, synonym) as a unit vector (L2 norm 1).</summary>
    float[] Encode(string text);

    /// <summary>
    /// A person's message, as what is searched with: a retrieval model's query (its prefix); a symmetric model reads it
    /// as any text (ADR 0048).
    /// </summary>
    float[] EncodeQuery(string text) => Encode(text);
}
