namespace ChatRequests.Cards;

/// <summary>
/// Input ids and the keys of action <c>data</c>, each spelled here once: the templates put them in cards, the records of
/// <see cref="Actions.CardActionData"/> read them back. Input values arrive merged with the action's data in the
/// invoke's <c>value.action.data</c>.
/// </summary>
public static class CardInputs
{
    public const string Justification = "justification";
    /// <summary>Values "High", "Medium", "Low" (names of <c>Urgency</c>).</summary>
    public const string Urgency = "urgency";
    /// <summary>Prefix of a catalog field's input: "field.&lt;fieldId&gt;".</summary>
    public const string FieldPrefix = "field.";

    public const string Comment = "comment";
    /// <summary>"Ask someone else": the name of the person who should decide instead.</summary>
    public const string AskName = "askName";
    /// <summary>Values "InProgress", "AwaitingParts", "Scheduled" (names of <c>RequestState</c>).</summary>
    public const string Status = "status";
    public const string Note = "note";
    public const string Question = "question";
    public const string Resolution = "resolution";
    /// <summary>The agent's internal note of the work done, on Resolve (never shown to the requester).</summary>
    public const string WorkNote = "workNote";
    /// <summary>Why a reviewer fails the quality check (the assignee reads it).</summary>
    public const string ReviewReason = "reviewReason";
    public const string Answer = "answer";
    /// <summary>Values "5" to "1".</summary>
    public const string Rating = "rating";
    public const string Feedback = "feedback";
    /// <summary>What a person typed in chat, carried by a button so that their words reach the form or the answer.</summary>
    public const string Words = "words";

    /// <summary>Data keys (ids only, never identity).</summary>
    public const string ItemId = "itemId";
    public const string Category = "category";
    public const string SubmissionKey = "submissionKey";
    public const string RequestId = "requestId";
    public const string Stage = "stage";
    /// <summary>Set to <see cref="FromApprovalList"/> on the approval list's buttons, so the answer is the list again.</summary>
    public const string Source = "source";
    public const string FromApprovalList = "list";
    /// <summary>A person of the directory (a delegate to choose); looked up again, never trusted as identity.</summary>
    public const string PersonId = "personId";
    /// <summary>The last day of a delegation, yyyy-MM-dd.</summary>
    public const string Until = "until";

    public static string Field(string fieldId) => FieldPrefix + fieldId;

    /// <summary>The catalog field id of a "field.&lt;fieldId&gt;" input id, or null for any other input.</summary>
    public static string? FieldIdOf(string inputId) =>
        inputId.StartsWith(FieldPrefix, StringComparison.Ordinal) && inputId.Length > FieldPrefix.Length
            ? inputId[FieldPrefix.Length..]
            : null;
}
