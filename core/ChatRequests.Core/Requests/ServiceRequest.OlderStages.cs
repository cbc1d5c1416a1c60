namespace ChatRequests.Core.Requests;

// Requests stored before approval fallbacks were kept (ADR 0014): their stages get fallbacks worked out when rerouted.
public sealed partial class ServiceRequest
{
    /// <summary>
    /// Gives the pending stage <paramref name="routes"/> as its fallbacks when it has none (a stage stored before they
    /// were kept), so a reroute reaches someone instead of finding it stuck; false when there was nothing to do.
    /// </summary>
    public bool KeepMissingFallbacks(IReadOnlyList<StageRoute> routes)
    {
        if (PendingStage is not { Fallbacks.Count: 0 } stage || routes.Count == 0)
        {
            return false;
        }

        _approvals[CurrentStage] = stage with { Fallbacks = routes };
        return true;
    }
}
