using System.Globalization;

namespace ChatRequests.Core.Requests;

/// <summary>A rule of the request was broken; <see cref="Exception.Message"/> is fit to show the user.</summary>
public class RequestRuleException(string message) : Exception(message)
{
    /// <summary>
    /// The request as it stood when the change was refused, when the use case had loaded it for someone who may view
    /// it; null otherwise. The answer can show it without loading it again.
    /// </summary>
    public ServiceRequest? Request { get; private set; }

    internal RequestRuleException About(ServiceRequest request)
    {
        Request ??= request;
        return this;
    }
}

/// <summary>A command was applied in a state the transition table does not allow.</summary>
public sealed class RequestTransitionException(RequestState from, RequestCommand command)
    : RequestRuleException(Describe(from, command))
{
    public RequestState From { get; } = from;
    public RequestCommand Command { get; } = command;

    private static string Describe(RequestState from, RequestCommand command) =>
        $"This request is {from.ToDisplay().ToLowerInvariant()}, so it cannot be {PastTense(command)} now.";

    private static string PastTense(RequestCommand command) => command switch
    {
        RequestCommand.Approve or RequestCommand.ApproveStage or RequestCommand.ApprovePart => "approved",
        RequestCommand.Reject => "rejected",
        RequestCommand.Assign => "assigned",
        RequestCommand.StartWork => "set in progress",
        RequestCommand.AwaitParts => "set to awaiting parts",
        RequestCommand.Schedule => "scheduled",
        RequestCommand.AskRequester => "sent a question",
        RequestCommand.Answer => "answered",
        RequestCommand.Resolve => "resolved",
        RequestCommand.Confirm => "confirmed",
        RequestCommand.Reopen => "reopened",
        RequestCommand.Cancel => "cancelled",
        RequestCommand.OfferAlternatives => "offered alternatives",
        RequestCommand.ChangeItem or RequestCommand.RequestReapproval => "changed to another item",
        RequestCommand.SendForDelivery => "sent out for delivery",
        RequestCommand.AcknowledgeReceipt => "acknowledged as received",
        RequestCommand.SubmitForReview => "resolved",
        RequestCommand.PassReview or RequestCommand.FailReview => "checked",
        RequestCommand.AutoClose => "closed",
        _ => command.ToString().ToLowerInvariant(),
    };
}

/// <summary>An approval decision arrived after the stage was already decided.</summary>
/// <remarks>
/// Says when in words ("2 hours ago"), not as a UTC stamp: the message is read at once, in whatever time zone the
/// approver is in.
/// </remarks>
public sealed class AlreadyDecidedException(ApprovalDecision decision, DateTimeOffset now)
    : RequestRuleException($"Already {(decision.Approved ? "approved" : "rejected")} by {decision.ByWhom} {Ago(now - decision.At)}.")
{
    public ApprovalDecision Decision { get; } = decision;

    private static string Ago(TimeSpan span) => span switch
    {
        _ when span < TimeSpan.FromMinutes(1) => "just now",
        _ when span < TimeSpan.FromHours(1) => $"{Count((int)span.TotalMinutes, "minute")} ago",
        _ when span < TimeSpan.FromHours(48) => $"{Count((int)span.TotalHours, "hour")} ago",
        _ => $"{Count((int)span.TotalDays, "day")} ago",
    };

    private static string Count(int n, string unit) =>
        n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
}

/// <summary>The person acting is not allowed to do this to the request.</summary>
public sealed class NotPermittedException(string message) : RequestRuleException(message);

/// <summary>
/// There is no such request, or the person may not view it (<see cref="RequestViewers"/>). Both read the same, so that
/// a refusal tells nothing of a request someone else made, not even that its number exists.
/// </summary>
public sealed class RequestNotVisibleException(string requestId)
    : RequestRuleException($"I can't find {Named(requestId)} among the requests you can see. Type 'my requests' to see yours.")
{
    // The id may come from card data, which anyone can forge: only a well-formed number is repeated back.
    private static string Named(string requestId) => RequestNumber.IsWellFormed(requestId) ? requestId : "that request";
}
