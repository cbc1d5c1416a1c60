using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Actions;

/// <summary>A click of an agent on the request's card in the team channel.</summary>
public abstract record AgentActionData(string RequestId) : RequestActionData(RequestId);

/// <summary><see cref="CardVerbs.AgentAssign"/>: the agent who clicked takes the request.</summary>
public sealed record AssignToMeData(string RequestId) : AgentActionData(RequestId)
{
    internal static AssignToMeData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.AgentStatus"/>: the status chosen (null when none or not a state) and the note typed.</summary>
public sealed record SetStatusData(string RequestId, RequestState? Status, string? Note) : AgentActionData(RequestId)
{
    internal static SetStatusData Read(ActionDataReader data) => new(
        data.Id(CardInputs.RequestId),
        Enum.TryParse<RequestState>(data.Input(CardInputs.Status), ignoreCase: true, out var status) ? status : null,
        data.Input(CardInputs.Note));
}

/// <summary><see cref="CardVerbs.AgentAsk"/>: the question for the requester.</summary>
public sealed record AskRequesterData(string RequestId, string? Question) : AgentActionData(RequestId)
{
    internal static AskRequesterData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Question));
}

/// <summary><see cref="CardVerbs.AgentResolve"/>: the resolution notes, and the work note for the team (optional on the card).</summary>
public sealed record ResolveData(string RequestId, string? Resolution, string? WorkNote = null) : AgentActionData(RequestId)
{
    internal static ResolveData Read(ActionDataReader data) =>
        new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Resolution), data.Input(CardInputs.WorkNote));
}

/// <summary><see cref="CardVerbs.AgentReviewPass"/>: the reviewer who clicked verified the work.</summary>
public sealed record PassReviewData(string RequestId) : AgentActionData(RequestId)
{
    internal static PassReviewData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.AgentReviewFail"/>: the reason the work goes back to the assignee.</summary>
public sealed record FailReviewData(string RequestId, string? Reason) : AgentActionData(RequestId)
{
    internal static FailReviewData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.ReviewReason));
}
