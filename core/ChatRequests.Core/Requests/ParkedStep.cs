namespace ChatRequests.Core.Requests;

/// <summary>What became of a parked step: still waiting for a person, tried again, or given up for good.</summary>
public enum ParkOutcome
{
    Waiting,
    Retried,
    Dismissed,
}

/// <summary>
/// One time an outbox event was given up on (parked), kept in the request so that the team's card and the history can say
/// what failed, when, after how many attempts and why, and later who retried or dismissed it. <see cref="Reason"/> is in
/// plain words (<see cref="ParkReasons"/>): the raw error stays in the event and the log, never on a card.
/// </summary>
public sealed record ParkedStep(string Id, string EventId, RequestEventType EventType, DateTimeOffset ParkedAt, int Attempts, string Reason)
{
    public ParkOutcome Outcome { get; init; }

    /// <summary>Who retried or dismissed it; null while it waits.</summary>
    public PersonRef? SettledBy { get; init; }

    public DateTimeOffset? SettledAt { get; init; }

    public bool IsWaiting => Outcome == ParkOutcome.Waiting;

    /// <summary>The step in people's words ("the approval card to the approvers").</summary>
    public string Step => StepNames.Of(EventType);
}

/// <summary>What each kind of outbox event does, in people's words, for the parked card, the history and the list.</summary>
public static class StepNames
{
    public static string Of(RequestEventType type) => type switch
    {
        RequestEventType.ApprovalRequested => "the approval card to the approvers",
        RequestEventType.StageApproved or RequestEventType.StagePartlyApproved => "updating the approval cards after a decision",
        RequestEventType.Approved => "telling the requester it was approved and posting the card in the team's channel",
        RequestEventType.Rejected => "telling the requester it was rejected",
        RequestEventType.Assigned => "telling the requester and the assignee it was assigned",
        RequestEventType.StatusChanged => "telling the requester its new status",
        RequestEventType.QuestionAsked => "sending the team's question to the requester",
        RequestEventType.QuestionAnswered => "posting the requester's answer in the team's thread",
        RequestEventType.Resolved => "telling the requester it was resolved",
        RequestEventType.Reopened or RequestEventType.Closed or RequestEventType.ItemChosen => "updating the card in the team's channel",
        RequestEventType.Cancelled => "updating the cards after the cancellation",
        RequestEventType.ApprovalReminder => "reminding the approvers",
        RequestEventType.SlaAtRisk => "warning the team that the target date is at risk",
        RequestEventType.SlaBreached or RequestEventType.Escalated => "the escalation",
        RequestEventType.Deescalated => "marking the escalation resolved",
        RequestEventType.ProvisioningRequested => "the automatic provisioning",
        RequestEventType.ProvisioningFailed => "telling the team the automatic provisioning failed",
        RequestEventType.ApprovalRerouted => "telling the requester the approval went to someone else",
        RequestEventType.ApprovalStuck => "telling the requester nobody can approve it",
        RequestEventType.ApprovalTimedOut => "telling late approvers the stage moved on",
        RequestEventType.SupplierOverdue => "alerting the assignee that the supplier is late",
        RequestEventType.AlternativesOffered => "offering the requester alternatives",
        RequestEventType.OutForDelivery => "telling the requester it is out for delivery",
        RequestEventType.Reannounced => "posting it in the team's channel again",
        RequestEventType.ReviewRequested => "asking the team for a quality check",
        RequestEventType.ReviewFailed => "telling the assignee the quality check failed",
        RequestEventType.ConfirmationReminder => "reminding the requester to confirm",
        RequestEventType.AutoClosed => "telling the requester it was closed",
        RequestEventType.RequestEdited => "showing the requester's changes on the cards",
        RequestEventType.ReceiptReminder => "reminding the requester to acknowledge receipt",
        RequestEventType.ReceiptOverdue => "telling the assignee receipt is overdue",
        RequestEventType.ReviewWaiting => "reminding the team lead of a waiting quality check",
        RequestEventType.Anonymised => "updating the report figures after anonymisation",
        RequestEventType.ParkedNotice => "the card about a step that could not be done",
        _ => "a background step",
    };
}

/// <summary>
/// The reason a step was parked, in plain words, from the error the relay recorded. Only a known kind of failure is named;
/// nothing of the raw text is repeated (it may quote a field's value, ADR 0017), so the words are safe on a channel card.
/// </summary>
public static class ParkReasons
{
    public const string Unknown = "it kept failing; the log has the details";

    public static string Plain(string rawError)
    {
        if (rawError.Contains("could not be reached", StringComparison.OrdinalIgnoreCase))
        {
            return "Teams could not reach the person (they may have left, blocked the bot or not have the app)";
        }

        if (Has(rawError, "403"))
        {
            return "Teams refused the message: the bot is not allowed in that chat or channel (403)";
        }

        if (Has(rawError, "404"))
        {
            return "Teams did not find the chat or channel (404)";
        }

        if (Has(rawError, "401"))
        {
            return "Teams did not accept the bot's sign-in (401)";
        }

        if (Has(rawError, "429"))
        {
            return "Teams kept asking the bot to slow down (429)";
        }

        if (rawError.Contains("does not fit", StringComparison.OrdinalIgnoreCase))
        {
            return "the message was too large to send";
        }

        if (rawError.Contains("is not in the directory", StringComparison.OrdinalIgnoreCase))
        {
            return "its team is no longer in the organisation's directory";
        }

        if (rawError.Contains("Timeout", StringComparison.OrdinalIgnoreCase) || rawError.Contains("HttpRequestException", StringComparison.Ordinal))
        {
            return "the service did not answer in time or could not be reached";
        }

        return rawError.Contains("ConnectorException", StringComparison.Ordinal) ? "Teams kept failing to take the message" : Unknown;
    }

    // A status code as a word of its own ("403 Forbidden", "(404)"), not inside an id or a number.
    private static bool Has(string text, string code)
    {
        for (var at = text.IndexOf(code, StringComparison.Ordinal); at >= 0; at = text.IndexOf(code, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + code.Length == text.Length || !char.IsLetterOrDigit(text[at + code.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
