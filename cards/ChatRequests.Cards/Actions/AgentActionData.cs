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

/// <summary><see cref="CardVerbs.AgentResolve"/>: the resolution notes.</summary>
public sealed record ResolveData(string RequestId, string? Resolution) : AgentActionData(RequestId)
{
    internal static ResolveData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Resolution));
}

/// <summary><see cref="CardVerbs.AgentReassign"/>: the colleague chosen (null when none); the server checks they are a member.</summary>
public sealed record ReassignData(string RequestId, string? AssigneeId) : AgentActionData(RequestId)
{
    internal static ReassignData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Assignee));
}

/// <summary><see cref="CardVerbs.AgentOpen"/>: the request's team card, for a member of its team.</summary>
public sealed record OpenTeamCardData(string RequestId) : AgentActionData(RequestId)
{
    internal static OpenTeamCardData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}
