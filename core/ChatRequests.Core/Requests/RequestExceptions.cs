using System.Globalization;

namespace ChatRequests.Core.Requests;

/// <summary>A rule of the request was broken; <see cref="Exception.Message"/> is fit to show the user.</summary>
public class RequestRuleException(string message) : Exception(message);

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
        RequestCommand.Approve or RequestCommand.ApproveStage => "approved",
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
        _ => command.ToString().ToLowerInvariant(),
    };
}

/// <summary>An approval decision arrived after the stage was already decided.</summary>
public sealed class AlreadyDecidedException(ApprovalDecision decision)
    : RequestRuleException(
        $"Already {(decision.Approved ? "approved" : "rejected")} by {decision.ByName} at {FormatUtc(decision.At)} UTC.")
{
    public ApprovalDecision Decision { get; } = decision;

    // The stored offset may not be zero, and a culture's time separator may not be ':'.
    private static string FormatUtc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH':'mm", CultureInfo.InvariantCulture);
}

/// <summary>The person acting is not allowed to do this to the request.</summary>
public sealed class NotPermittedException(string message) : RequestRuleException(message);
