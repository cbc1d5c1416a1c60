using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests.Parking;

/// <summary>
/// A small organisation that is not the sample one: a facilities team (lead and two agents), a network team, and an
/// operations team whose channel gets the cards no team can take; a request for a desk that needs a manager's approval.
/// </summary>
internal static class ParkingSamples
{
    public static readonly PersonRef Requester = new("p-ana", "Ana Lima");
    public static readonly PersonRef Manager = new("p-bo", "Bo Sørensen");
    public static readonly PersonRef FacilitiesLead = new("p-chidi", "Chidi Okafor");
    public static readonly PersonRef FacilitiesAgent = new("p-dana", "Dana Kowalski");
    public static readonly PersonRef NetworkLead = new("p-emre", "Emre Yilmaz");
    public static readonly PersonRef OperationsAgent = new("p-fay", "Fay Zhou");
    public static readonly PersonRef OperationsLead = new("p-gus", "Gus Haddad");
    public static readonly PersonRef Stranger = new("p-hana", "Hana Ito");

    public static readonly Team Facilities = new()
    {
        Id = "team-facilities", Name = "Facilities", ChannelId = "19:facilities@thread.tacv2", LeadId = FacilitiesLead.Id,
        MemberIds = [FacilitiesAgent.Id],
    };

    public static readonly Team Network = new()
    {
        Id = "team-network", Name = "Network", ChannelId = "19:network@thread.tacv2", LeadId = NetworkLead.Id, MemberIds = ["p-ivo"],
    };

    public static readonly Team Operations = new()
    {
        Id = "team-ops", Name = "IT Operations", ChannelId = "19:ops@thread.tacv2", LeadId = OperationsLead.Id, MemberIds = [OperationsAgent.Id],
    };

    public static InMemoryDirectory Directory(bool withOperations = true, bool withFacilities = true) =>
        new(
            new[] { Requester, Manager, FacilitiesLead, FacilitiesAgent, NetworkLead, OperationsAgent, OperationsLead, Stranger }
                .Select(p => new Person { Id = p.Id, Name = p.Name }),
            [.. withFacilities ? [Facilities] : Array.Empty<Team>(), Network, Operations])
        {
            Governance = withOperations ? new GovernanceSettings { OperationsTeamId = Operations.Id } : GovernanceSettings.Default,
        };

    public static ServiceRequest Submit(string id, DateTimeOffset now, string teamId = "team-facilities") =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                id, Guid.NewGuid().ToString("N"), Requester, "standing-desk", "Standing desk", "Furniture", null, "My back hurts.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), teamId, "Facilities",
                now.AddDays(5), [new ApprovalStage("Manager", [Manager])]),
            now);

    /// <summary>Fails the request's approval event once for good, as a 403 from Teams does, and returns the parking.</summary>
    public static ParkedStep ParkApproval(ServiceRequest request, DateTimeOffset now)
    {
        var approval = request.Outbox.First(e => e.Type == RequestEventType.ApprovalRequested);
        request.FailEvent(approval.Id, "PermanentEventFailureException: p-bo could not be reached: 403 BotNotInConversationRoster", now, TimeSpan.Zero, maxAttempts: 1);
        return request.Parkings[^1];
    }
}
