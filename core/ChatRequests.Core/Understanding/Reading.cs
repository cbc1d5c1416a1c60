using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// A message as read before the matcher decides how sure it is: either its meaning outright (a command, a report), or
/// the catalog's items ranked against its words, with what else was said.
/// </summary>
/// <param name="Meaning">The meaning when the words settle it without the ranking.</param>
/// <param name="QueryTerms">How many distinct content terms could pick an item.</param>
/// <param name="Chase">A strong "my requests"/"show request" that chases an earlier ask: the ranking only says which.</param>
/// <param name="Cosines">The sentence encoder's cosine of the message with each item, in the catalog's order; null without an encoder (ADR 0038).</param>
/// <param name="Senses">With <paramref name="Cosines"/>: how close the message is to the commands, to a fault (ADR 0045) and to asks no catalog provides (ADR 0050).</param>
internal sealed record Reading(
    Meaning? Meaning, CatalogIndex Index, Word[] Words, int QueryTerms, IReadOnlyList<ScoredItem> Ranked,
    (ChatCommand Command, CommandStrength Strength)? Command, bool Chase, string? RequestId, Urgency? Urgency, float[]? Cosines = null,
    Senses? Senses = null)
{
    /// <summary>The message as read (cut at the interpreter's limit), for the encoder.</summary>
    public string Text { get; init; } = "";

    /// <summary>
    /// What the evaluation read of the message beside this for an <see cref="ISurenessExtra"/> (a second model's cosines,
    /// ADR 0082; the catalog's shape, ADR 0084; the message read word by word, ADR 0086); the bot never sets it.
    /// </summary>
    public object? Extra { get; init; }

    public static Reading Final(Meaning meaning) => new(meaning, null!, [], 0, [], null, false, null, null);
}
