namespace ChatRequests.Cards.Actions;

/// <summary><see cref="CardVerbs.RequesterEdit"/>: the request whose form to show filled in with its answers.</summary>
public sealed record OpenChangeData(string RequestId) : RequestActionData(RequestId)
{
    internal static OpenChangeData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary>
/// <see cref="CardVerbs.RequesterChange"/>: the changed form of a request (its key makes a second submit change nothing)
/// and what is filled in now, fields keyed by their catalog field id. The item and the urgency are not on it.
/// </summary>
public sealed record ChangeFormData(
    string RequestId,
    string SubmissionKey,
    string? Justification,
    IReadOnlyDictionary<string, string?> Fields) : RequestActionData(RequestId)
{
    internal static ChangeFormData Read(ActionDataReader data) => new(
        data.Id(CardInputs.RequestId),
        data.Id(CardInputs.SubmissionKey),
        data.Input(CardInputs.Justification),
        data.InputsWithPrefix(CardInputs.FieldPrefix));
}
