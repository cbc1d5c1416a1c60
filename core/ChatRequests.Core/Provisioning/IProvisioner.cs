namespace ChatRequests.Core.Provisioning;

/// <summary>
/// The port to the system that grants access (Microsoft Graph). Not registered where there is nothing to change
/// (the embedded default): then agents do the provisioning by hand.
/// </summary>
public interface IProvisioner
{
    /// <summary>
    /// Makes the person a member of the group. Idempotent: a person who is already a member is a success.
    /// Throws <see cref="ProvisioningRefusedException"/> when the change can never succeed (no such group or person,
    /// no permission); any other exception is transient and worth a retry.
    /// </summary>
    Task AddToGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default);
}

/// <summary>The provisioning was refused for good; retrying will not help, a person has to do it.</summary>
public sealed class ProvisioningRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
