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
    /// <summary>"Awaiting parts": the supplier, its order reference and the day it expects to deliver (yyyy-MM-dd, an Input.Date).</summary>
    public const string Supplier = "supplier";
    public const string OrderReference = "orderRef";
    public const string ExpectedOn = "expectedOn";
    /// <summary>"Out of stock": the catalog item offered instead, one per drop-down ("alternative1" to "alternative3").</summary>
    public const string AlternativePrefix = "alternative";
    /// <summary>"Out of stock": the note for the requester (its own id: the card's status note is another input).</summary>
    public const string OfferNote = "offerNote";
    /// <summary>"Out for delivery": the carrier and its tracking reference.</summary>
    public const string Carrier = "carrier";
    public const string Tracking = "tracking";
    /// <summary>The colleague chosen to take the request: a person id, checked against the team's members by the server.</summary>
    public const string Assignee = "assignee";
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
    /// <summary>An access review (its document id) and the index of one of its lines.</summary>
    public const string ReviewId = "reviewId";
    public const string Line = "line";
    /// <summary>One parking of a request's step (<see cref="Core.Requests.ParkedStep.Id"/>).</summary>
    public const string ParkId = "parkId";
    /// <summary>The last day of a delegation, yyyy-MM-dd.</summary>
    public const string Until = "until";
    /// <summary>What an auditor's person choice is for: "export" or "erase" (<see cref="Actions.PrivacyPickData"/>).</summary>
    public const string PrivacyKind = "kind";
    /// <summary>Which page of a request's history (0 is the oldest).</summary>
    public const string Page = "page";
    /// <summary>Which list a "Next" button pages: <see cref="PagedList"/>'s name in lower case.</summary>
    public const string List = "list";
    /// <summary>The submission time (ISO 8601, UTC) and id of the last request a list page showed: the next page starts after it.</summary>
    public const string AfterAt = "afterAt";
    public const string AfterId = "afterId";
    /// <summary>How many requests the list's pages showed before the next one.</summary>
    public const string Before = "before";

    public static string Field(string fieldId) => FieldPrefix + fieldId;

    /// <summary>The input of the <paramref name="number"/>th alternative offered (from 1).</summary>
    public static string Alternative(int number) => AlternativePrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The catalog field id of a "field.&lt;fieldId&gt;" input id, or null for any other input.</summary>
    public static string? FieldIdOf(string inputId) =>
        inputId.StartsWith(FieldPrefix, StringComparison.Ordinal) && inputId.Length > FieldPrefix.Length
            ? inputId[FieldPrefix.Length..]
            : null;
}
