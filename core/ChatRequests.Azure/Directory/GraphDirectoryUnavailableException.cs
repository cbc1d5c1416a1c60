namespace ChatRequests.Azure.Graph;

/// <summary>
/// Microsoft Graph still throttled (429) or was unavailable (503, 504) after the retries: a transient failure
/// the caller's own retry (the turn, the function's delivery count) deals with.
/// </summary>
public sealed class GraphDirectoryUnavailableException(string operation, Exception inner)
    : Exception($"Microsoft Graph did not answer {operation} after its retries (throttled or unavailable).", inner);
