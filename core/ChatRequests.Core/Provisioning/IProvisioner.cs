namespace ChatRequests.Core.Provisioning;

/// <summary>
/// The port to the system that grants access (Microsoft Graph): the group and licence steps. Not registered where
/// there is nothing to change (the embedded default): then agents do those steps by hand.
/// </summary>
/// <remarks>
/// Every method is idempotent: what is true already is a success. A method throws
/// <see cref="ProvisioningRefusedException"/> when the change can never succeed (no such group, person or licence, no
/// permission); any other exception is transient and worth a retry.
/// </remarks>
public interface IProvisioner
{
    /// <summary>Makes the person a member of the group; a person who is already a member is a success.</summary>
    Task AddToGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default);

    /// <summary>Takes the person out of the group; a person who is not a member is a success.</summary>
    Task RemoveFromGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Assigns the person the licence <paramref name="skuId"/> with <paramref name="disabledPlans"/> switched off; a
    /// licence assigned already is a success (its disabled plans are set again).
    /// </summary>
    Task AssignLicenceAsync(string personId, string skuId, IReadOnlyList<string> disabledPlans, CancellationToken cancellationToken = default);
}

/// <summary>The provisioning was refused for good; retrying will not help, a person has to do it.</summary>
public sealed class ProvisioningRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
