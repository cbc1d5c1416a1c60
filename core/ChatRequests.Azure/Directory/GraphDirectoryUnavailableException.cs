using ChatRequests.Core.Organisation;

namespace ChatRequests.Azure.Graph;

/// <summary>
/// Microsoft Graph still throttled (429) or was unavailable (503, 504) after the retries, or could not be reached: a transient failure
/// the caller's own retry (the turn, the function's delivery count) deals with.
/// </summary>
public sealed class GraphDirectoryUnavailableException(string operation, Exception inner)
    : DirectoryUnavailableException($"Microsoft Graph did not answer {operation} (throttled, unavailable or unreachable).", inner);
