using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards.Actions;

/// <summary>
/// <see cref="CardVerbs.IntakePick"/>: the catalog item whose form to show, and, from "did you mean", the words the
/// person typed, the urgency they implied and the field values they named (field id to value), to fill it in.
/// </summary>
public sealed record PickItemData(string ItemId, string? Words, string? Urgency, IReadOnlyDictionary<string, string> Fields) : CardActionData
{
    internal static PickItemData Read(ActionDataReader data) => new(
        data.Id(CardInputs.ItemId),
        data.Words(CardInputs.Words, RequestFormValidator.JustificationMaxLength),
        data.OptionalId(CardInputs.Urgency),
        data.IdsWithPrefix(CardInputs.FieldPrefix));
}

/// <summary><see cref="CardVerbs.IntakeBrowse"/>: the category whose items to list.</summary>
public sealed record BrowseCategoryData(string Category) : CardActionData
{
    internal static BrowseCategoryData Read(ActionDataReader data) => new(data.Id(CardInputs.Category));
}

/// <summary>
/// <see cref="CardVerbs.IntakeSubmit"/>: the form of a catalog item (its key makes a second submit find the first
/// request) and what was filled in, fields keyed by their catalog field id.
/// </summary>
public sealed record SubmitFormData(
    string ItemId,
    string SubmissionKey,
    string? Justification,
    string? Urgency,
    IReadOnlyDictionary<string, string?> Fields) : CardActionData
{
    internal static SubmitFormData Read(ActionDataReader data) => new(
        data.Id(CardInputs.ItemId),
        data.Id(CardInputs.SubmissionKey),
        data.Input(CardInputs.Justification),
        data.Input(CardInputs.Urgency),
        data.InputsWithPrefix(CardInputs.FieldPrefix));
}

/// <summary><see cref="CardVerbs.IntakeElse"/>: nothing to carry.</summary>
public sealed record SomethingElseData : CardActionData;

/// <summary><see cref="CardVerbs.IntakeIsRequest"/>: the words the bot took for an incident.</summary>
public sealed record IsRequestData(string Words) : CardActionData
{
    internal static IsRequestData Read(ActionDataReader data) =>
        new(data.Words(CardInputs.Words, RequestFormValidator.JustificationMaxLength) ?? throw new InvalidCardDataException($"The card did not send '{CardInputs.Words}'."));
}

/// <summary><see cref="CardVerbs.IntakeAnswer"/>: the request whose question the words typed in chat answer.</summary>
public sealed record AnswerFromChatData(string RequestId, string? Words) : RequestActionData(RequestId)
{
    internal static AnswerFromChatData Read(ActionDataReader data) =>
        new(data.Id(CardInputs.RequestId), data.Words(CardInputs.Words, RequestFormValidator.JustificationMaxLength));
}

/// <summary><see cref="CardVerbs.IntakeNotAnswer"/>: words typed in chat that were not an answer to the agent's question.</summary>
public sealed record NotAnAnswerData(string Words) : CardActionData
{
    internal static NotAnAnswerData Read(ActionDataReader data) =>
        new(data.Words(CardInputs.Words, RequestFormValidator.JustificationMaxLength) ?? throw new InvalidCardDataException($"The card did not send '{CardInputs.Words}'."));
}
