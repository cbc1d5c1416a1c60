namespace ChatRequests.Core.Organisation;

/// <summary>
/// The directory could not be reached for now (throttled, down, no network): a transient failure that a later
/// attempt may not meet. Wrong configuration or missing permissions are other exceptions.
/// </summary>
public class DirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
