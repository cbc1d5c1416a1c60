namespace ChatRequests.Core.Understanding;

/// <summary>
/// Language knowledge from a sentence encoder (ADR 0038): a text as a unit vector whose cosine with another's says how
/// close their meanings are, whatever words they share. Thread-safe; deterministic for the same text.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>The text as a unit vector (L2 norm 1).</summary>
    float[] Encode(string text);
}
