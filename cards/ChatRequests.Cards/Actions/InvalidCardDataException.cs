namespace ChatRequests.Cards.Actions;

/// <summary>A click's data is missing or mistyped: answered with a clear message, and nothing changes.</summary>
/// <param name="requestId">The request the data names, only when it is a well-formed number (so it can be repeated back).</param>
public sealed class InvalidCardDataException(string message, string? requestId = null) : Exception(message)
{
    /// <summary>What a verb we do not know is answered (and what someone gets on a button that is not theirs to know of).</summary>
    public const string UnknownAction = "I don't know that action.";

    public string? RequestId { get; } = requestId;
}
