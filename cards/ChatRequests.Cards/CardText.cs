using System.Globalization;
using System.Text;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

/// <summary>The words and formats the cards share.</summary>
internal static class CardText
{
    private const int PeopleShown = 5;

    /// <summary>Ends the text with a full stop unless a person's words already end it ("...next quarter." stays one).</summary>
    public static string EndSentence(string text) =>
        text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";

    /// <summary>The text with its first letter in capitals ("target date missed" → "Target date missed").</summary>
    public static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// An instant as the Adaptive Card DATE() and TIME() functions take it (RFC 3339 in UTC, whole seconds). The
    /// templates show it with <c>{{DATE(x, SHORT)}} {{TIME(x)}}</c>, so every viewer reads their own local time.
    /// </summary>
    public static string Instant(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"45 minutes", "1 hour", "26 hours", "3 days 4 hours": how long, in whole units, never negative.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        if (span < TimeSpan.FromHours(1))
        {
            return Count((int)span.TotalMinutes, "minute");
        }

        if (span < TimeSpan.FromHours(48))
        {
            return Count((int)span.TotalHours, "hour");
        }

        return span.Hours == 0 ? Count(span.Days, "day") : $"{Count(span.Days, "day")} {Count(span.Hours, "hour")}";
    }

    internal static string Count(int n, string unit) =>
        n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";

    /// <summary>
    /// What the request costs: its price, else the cost centre it is charged to (masked when the field is sensitive and
    /// <paramref name="readerId"/> may not read it; null: everyone reads), else "No charge".
    /// </summary>
    public static string Cost(ServiceRequest r, string? readerId = null) =>
        r.CostText
        ?? (r.Fields.FirstOrDefault(f => IsCostCentre(f.Key)) is { Value: { } centre } field
            ? $"Charged to cost centre {SensitiveFields.ValueFor(r, field.Key, centre, readerId)}"
            : "No charge");

    /// <summary>What the item costs: its price, else "Charged to your cost centre" when the form asks for one, else "No charge".</summary>
    public static string Cost(CatalogItem item) =>
        item.CostText ?? (item.Fields.Any(f => IsCostCentre(f.Id)) ? "Charged to your cost centre" : "No charge");

    /// <summary>A catalog field that names the cost centre an item is charged to: "costCentre", "cost_center", "CostCentre"...</summary>
    public static bool IsCostCentre(string fieldId) =>
        string.Concat(fieldId.Where(char.IsLetter)).ToLowerInvariant() is "costcentre" or "costcenter";

    public static string Approval(ApprovalPolicy policy) => policy.Stages.Count == 0 ? "No approval" : "Needs approval";

    /// <summary>"Ann", "Ann or Bob", "Ann, Bob or Cy", "Ann, Bob, ... or 4 others": any one of them decides.</summary>
    public static string AnyOf(IReadOnlyList<PersonRef> people) => people.Count switch
    {
        0 => "no one",
        1 => people[0].Name,
        <= PeopleShown => $"{string.Join(", ", people.Take(people.Count - 1).Select(p => p.Name))} or {people[^1].Name}",
        _ => $"{string.Join(", ", people.Take(PeopleShown).Select(p => p.Name))} or {people.Count - PeopleShown} others",
    };

    /// <summary>"Ann", "all of Ann and Bob", "all of Ann, Bob, ... and 4 others": every one of them must approve.</summary>
    public static string AllOf(IReadOnlyList<PersonRef> people) => people.Count switch
    {
        0 => "no one",
        1 => people[0].Name,
        <= PeopleShown => $"all of {string.Join(", ", people.Take(people.Count - 1).Select(p => p.Name))} and {people[^1].Name}",
        _ => $"all of {string.Join(", ", people.Take(PeopleShown).Select(p => p.Name))} and {people.Count - PeopleShown} others",
    };

    /// <summary>Who a stage waits for, said as its mode decides it (<see cref="AnyOf"/> or <see cref="AllOf"/>).</summary>
    public static string Awaited(ApprovalStage stage) =>
        stage.Mode == ApprovalMode.All ? AllOf(stage.AwaitingNamed) : AnyOf(stage.AwaitingNamed);

    /// <summary>"★★★★☆ 4/5".</summary>
    public static string Stars(int rating) =>
        $"{new string('★', Math.Clamp(rating, 0, 5))}{new string('☆', 5 - Math.Clamp(rating, 0, 5))} {rating}/5";

    /// <summary>The state as anyone reads it (the core's wording speaks to the requester for one state).</summary>
    public static string NeutralState(RequestState state) =>
        state == RequestState.AwaitingRequester ? "Waiting for the requester" : state.ToDisplay();

    /// <summary>The state as the requester reads it ("Waiting for your answer"), or as anyone else does.</summary>
    public static string StateFor(RequestState state, bool requesterReads) => requesterReads ? state.ToDisplay() : NeutralState(state);

    /// <summary>A person's name, or "You" for the person who reads it.</summary>
    public static string Name(PersonRef person, PersonRef viewer) => person.Id == viewer.Id ? "You" : person.Name;

    /// <summary>The Container style that colours a state.</summary>
    public static string StyleOf(RequestState state) => state switch
    {
        RequestState.Approved or RequestState.Fulfilled or RequestState.Closed => "good",
        RequestState.Rejected => "attention",
        RequestState.AwaitingParts or RequestState.AwaitingRequester or RequestState.Reopened => "warning",
        RequestState.Cancelled => "emphasis",
        _ => "accent",
    };

    /// <summary>The TextBlock colour for a state (TextBlocks have no "emphasis").</summary>
    public static string ColorOf(RequestState state) => StyleOf(state) is "emphasis" ? "default" : StyleOf(state);

    /// <summary>A field id as a label when the catalog item is not at hand: "cost_centre" -> "Cost centre".</summary>
    public static string Humanize(string id)
    {
        var words = new StringBuilder();
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c is '_' or '-' or '.')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c) && i > 0 && char.IsLower(id[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    public static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");

    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>An audit line's action in words; one this version does not know (a newer document's) as it is stored.</summary>
    public static string Action(AuditAction action) => ActionWords.GetValueOrDefault(action) ?? action.Name;

    /// <summary>The words for every audit action (a test checks that none is missing).</summary>
    internal static IReadOnlyDictionary<AuditAction, string> ActionWords { get; } = new Dictionary<AuditAction, string>
    {
        [AuditAction.Submitted] = "Submitted",
        [AuditAction.RequestApproval] = "Sent for approval",
        [AuditAction.SkipApproval] = "Sent to the team (no approval needed)",
        [AuditAction.ApproveStage] = "Approved a stage",
        [AuditAction.ApprovePart] = "Approved (others still to approve)",
        [AuditAction.Approve] = "Approved",
        [AuditAction.Reject] = "Rejected",
        [AuditAction.Assign] = "Assigned",
        [AuditAction.StartWork] = "Set in progress",
        [AuditAction.AwaitParts] = "Set to awaiting parts",
        [AuditAction.Schedule] = "Scheduled",
        [AuditAction.AskRequester] = "Asked the requester",
        [AuditAction.Answer] = "Answered",
        [AuditAction.Resolve] = "Resolved",
        [AuditAction.Confirm] = "Confirmed and closed",
        [AuditAction.Reopen] = "Reopened",
        [AuditAction.Cancel] = "Cancelled",
        [AuditAction.RemindApprovers] = "Reminded the approvers",
        [AuditAction.SlaAtRisk] = "Target date at risk",
        [AuditAction.Escalate] = "Escalated",
        [AuditAction.Deescalate] = "Escalation resolved",
        [AuditAction.CompleteProvisioning] = "Access granted automatically",
        [AuditAction.ProvisioningDone] = "Access granted automatically",
        [AuditAction.ProvisioningFailed] = "Automatic access failed",
        [AuditAction.Reroute] = "Approval passed on",
        [AuditAction.ClockPaused] = "Target clock paused",
        [AuditAction.ClockResumed] = "Target clock resumed",
        [AuditAction.OfferAlternatives] = "Out of stock: alternatives offered",
        [AuditAction.ChangeItem] = "Changed to another item",
        [AuditAction.RequestReapproval] = "Changed; sent for approval again",
        [AuditAction.SendForDelivery] = "Sent out for delivery",
        [AuditAction.AcknowledgeReceipt] = "Receipt acknowledged",
        [AuditAction.KeepWaiting] = "Kept waiting for the item",
        [AuditAction.SupplierOverdue] = "Supplier late; assignee alerted",
        [AuditAction.Reassign] = "Reassigned",
        [AuditAction.NotAssigned] = "Nobody available to assign",
        [AuditAction.Reannounce] = "Posted to the team again",
        [AuditAction.SubmitForReview] = "Resolved; sent for a quality check",
        [AuditAction.PassReview] = "Quality check passed",
        [AuditAction.FailReview] = "Quality check failed; back to the assignee",
        [AuditAction.AutoClose] = "Closed automatically",
        [AuditAction.WorkNote] = "Work note (team only)",
        [AuditAction.RemindRequester] = "Reminded the requester to confirm",
        [AuditAction.Edit] = "Changed by the requester",
        [AuditAction.ReleaseForDelivery] = "Quality check passed; sent out for delivery",
        [AuditAction.SubmitProvisioningForReview] = "Access granted automatically; sent for a quality check",
        [AuditAction.RemindReceipt] = "Reminded the requester to acknowledge receipt",
        [AuditAction.ReceiptOverdue] = "Receipt not acknowledged; assignee told",
        [AuditAction.RemindReviewers] = "Quality check waiting; team lead told",
        [AuditAction.AccessKept] = "Access kept in an access review",
        [AuditAction.AccessRemoved] = "Access removed after an access review",
        [AuditAction.AccessRemovalFailed] = "Access removal failed; the team does it by hand",
        [AuditAction.DataExported] = "Included in a data-subject export",
        [AuditAction.SealHistory] = "History sealed (earlier entries predate the chain)",
        [AuditAction.Redact] = "Entries redacted",
        [AuditAction.Anonymise] = "Personal data removed (retention)",
        [AuditAction.EventParked] = "A background step could not be done (parked)",
        [AuditAction.EventRetried] = "Parked step retried",
        [AuditAction.EventDismissed] = "Parked step dismissed",
    };
}
