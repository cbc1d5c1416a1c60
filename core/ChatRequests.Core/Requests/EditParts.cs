using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

/// <summary>
/// What the requester submitted on the "Change request" form: the form's key (a second submit of the same form changes
/// nothing), the new justification and the new field values by field id, already checked against the catalog item.
/// </summary>
public sealed record RequestChange(string Key, string Justification, IReadOnlyDictionary<string, string> Fields);

/// <summary>One answer the requester changed, as the form labels it; null when it was (or is now) left empty.</summary>
public sealed record AnswerChange(string Label, string? From, string? To)
{
    /// <summary>The answer is of a sensitive field (<see cref="FieldLabel.Sensitive"/>); not written while false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Sensitive { get; init; }

    public override string ToString() => $"{Label} {From ?? "(empty)"} → {To ?? "(empty)"}";

    /// <summary>As people who may not read a sensitive answer read it: "Folder path: (masked)".</summary>
    public string Masked => Sensitive ? $"{Label}: {SensitiveFields.Masked}" : ToString();
}

/// <summary>A change the requester made to their logged request, with the form's key (applied once).</summary>
public sealed record RequestEdit(string Key, DateTimeOffset At, IReadOnlyList<AnswerChange> Changes)
{
    /// <summary>"Quantity 1 → 3; Why …": what the history, the cards and the requester read.</summary>
    public string Summary => string.Join("; ", Changes);

    /// <summary><see cref="Summary"/> with the sensitive answers masked: what people who may not read them see.</summary>
    public string MaskedSummary => string.Join("; ", Changes.Select(c => c.Masked));
}
