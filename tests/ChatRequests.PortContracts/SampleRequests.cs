using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.PortContracts;

/// <summary>People and requests for the tests, built only through the domain's own methods.</summary>
public static class SampleRequests
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly PersonRef Alice = new("7f3c1a52-0001-4b6e-9a0d-000000000001", "Alice Employee");
    public static readonly PersonRef Bob = new("7f3c1a52-0002-4b6e-9a0d-000000000002", "Bob Manager");
    public static readonly PersonRef Carol = new("7f3c1a52-0003-4b6e-9a0d-000000000003", "Carol Security");
    public static readonly PersonRef Dave = new("7f3c1a52-0004-4b6e-9a0d-000000000004", "Dave Security");
    public static readonly PersonRef Erin = new("7f3c1a52-0005-4b6e-9a0d-000000000005", "Erin Agent");

    public static ApprovalStage ManagerStage() => new("Manager", [Bob]);

    public static ApprovalStage SecurityStage() => new("IT security", [Carol, Dave]);

    public static ServiceRequest Submit(
        string id,
        DateTimeOffset? at = null,
        PersonRef? requester = null,
        string teamId = "team-hardware",
        string? submissionKey = null,
        DateTimeOffset? atRiskAt = null,
        bool deliversItem = false,
        params ApprovalStage[] stages)
    {
        var now = at ?? Start;
        var draft = new ServiceRequest.Draft(
            id,
            submissionKey ?? "form-" + id,
            requester ?? Alice,
            "laptop",
            "Laptop",
            "Hardware",
            "1,299.00 EUR",
            "My laptop is five years old and the battery is gone.",
            new Dictionary<string, string>
            {
                ["model"] = "14-inch",
                ["note"] = "Ünïcödé ✓ \"quoted\" | with a bar and a\nnew line",
            },
            PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
            teamId,
            "Hardware team",
            now.AddHours(40),
            stages,
            FieldLabels: [new("model", "Screen size"), new("note", "Anything else we should know?")],
            AtRiskAt: atRiskAt,
            DeliversItem: deliversItem);
        return ServiceRequest.Submit(draft, now);
    }

    /// <summary>
    /// A request that went through every step: two approval stages, assignment, a status note, a question and
    /// its answer, resolution and closing with feedback; its outbox holds a retrying event and a parked one.
    /// </summary>
    public static ServiceRequest FullLifecycle(string id, string teamId = "team-hardware")
    {
        var request = Submit(id, Start, teamId: teamId, stages: [ManagerStage(), SecurityStage()]);
        request.Decide(Bob, approve: true, "Fine by me", 0, Start.AddHours(1));
        request.Decide(Carol, approve: true, null, 1, Start.AddHours(2));
        request.Assign(Erin, Erin, Start.AddHours(3));
        request.SetStatus(Erin, RequestState.AwaitingParts, "Waiting for the docking station", Start.AddHours(4));
        request.AskRequester(Erin, "Which keyboard layout?", Start.AddHours(5));
        request.Answer(Alice, "German, please", Start.AddHours(6));
        request.Resolve(Erin, "Delivered to desk 4.12", Start.AddHours(7));
        request.Confirm(Alice, 5, "Thanks!", Start.AddHours(8));
        request.FailEvent(request.Outbox[0].Id, "HttpRequestException: 502 Bad Gateway", Start.AddHours(8), TimeSpan.FromSeconds(30), 8);
        request.FailEvent(request.Outbox[1].Id, "PermanentEventFailureException: bad card", Start.AddHours(8), TimeSpan.FromSeconds(2), 1);
        return request;
    }
}
