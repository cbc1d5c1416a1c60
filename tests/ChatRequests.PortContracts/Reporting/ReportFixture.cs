using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Reporting;

/// <summary>
/// Requests of November 2026 with known answers, driven through the domain's own methods: every figure of the report
/// over them is worked out by hand in <see cref="ReportingStoreContract"/>'s known-answer test (the comments give each
/// request's times). Also a few just outside the month, and the request forms shown.
/// </summary>
public static class ReportFixture
{
    public static readonly PersonRef Frank = new("7f3c1a52-0006-4b6e-9a0d-000000000006", "Frank Requester");
    public static readonly PersonRef Grace = new("7f3c1a52-0007-4b6e-9a0d-000000000007", "Grace Requester");

    public static readonly ReportPeriod November = new(D(1, 0), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "November 2026");

    /// <summary>When the report is computed: after the month, so the backlog is the one at its end.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

    private static readonly ResolutionRules Checked = new(QualityCheck: true, WorkNoteRequired: false, Closing: null);

    public static DateTimeOffset D(int day, int hour, int minute = 0, int second = 0) => new(2026, 11, day, hour, minute, second, TimeSpan.Zero);

    public static IReadOnlyList<ServiceRequest> Requests()
    {
        var all = new List<ServiceRequest>();
        ServiceRequest Add(ServiceRequest r)
        {
            r.Version = 1;
            all.Add(r);
            return r;
        }

        // R01: approved in 2 h, assigned 1 h later, resolved 7 h after that, rated 5. Target met.
        var r = Add(Log("REQ-000001", Hardware, Alice, D(2, 9), ManagerStage()));
        r.Decide(Bob, true, null, 0, D(2, 11));
        r.Assign(Erin, Erin, D(2, 12));
        r.Resolve(Erin, "Done", D(2, 19));
        r.Confirm(Alice, 5, null, D(2, 20));

        // R02: approved in 4 h, 2 h to an agent, 44 h of work: fulfilled after 50 h, target (40 h) missed. Rated 3.
        r = Add(Log("REQ-000002", Hardware, Frank, D(3, 9), ManagerStage()));
        r.Decide(Bob, true, null, 0, D(3, 13));
        r.Assign(Erin, Erin, D(3, 15));
        r.Resolve(Erin, "Done", D(5, 11));
        r.Confirm(Frank, 3, null, D(5, 12));

        // R03: no approval needed; 1 h to an agent, 2 h of work; fulfilled, not confirmed.
        r = Add(Log("REQ-000003", Software, Alice, D(4, 9)));
        r.Assign(Erin, Erin, D(4, 10));
        r.Resolve(Erin, "Done", D(4, 12));

        // R04: restricted, no approval, provisioned automatically after 30 min.
        r = Add(Log("REQ-000004", AdminRights, Alice, D(5, 9), provisioning: true));
        r.CompleteProvisioningStep(0, D(5, 9, 30));

        // R05: two stages (1 h, 4 h); 1 h to an agent; 1 h of work, 2 h waiting for the requester, 3 h of work. Rated 4.
        r = Add(Log("REQ-000005", Hardware, Alice, D(9, 9), ManagerStage(), new ApprovalStage("IT security", [Carol])));
        r.Decide(Bob, true, null, 0, D(9, 10));
        r.Decide(Carol, true, null, 1, D(9, 14));
        r.Assign(Erin, Erin, D(9, 15));
        r.AskRequester(Erin, "Which colour?", D(9, 16));
        r.Answer(Alice, "Black", D(9, 18));
        r.Resolve(Erin, "Done", D(9, 21));
        r.Confirm(Alice, 4, null, D(9, 22));

        // R06-R08: rejected, twice for the same reason written differently.
        Add(Log("REQ-000006", Hardware, Frank, D(10, 9), ManagerStage())).Decide(Bob, false, "Too expensive", 0, D(10, 10));
        Add(Log("REQ-000007", Software, Alice, D(10, 11), ManagerStage())).Decide(Bob, false, "  too EXPENSIVE ", 0, D(10, 12));
        Add(Log("REQ-000008", Software, Frank, D(11, 9), ManagerStage())).Decide(Bob, false, "Not justified", 0, D(11, 9, 30));

        // R09-R11: cancelled, twice for the same reason written differently, once with none.
        Add(Log("REQ-000009", Hardware, Alice, D(12, 9), ManagerStage())).Cancel(Alice, "No longer needed", D(12, 10));
        Add(Log("REQ-000010", Software, Frank, D(12, 11))).Cancel(Frank, "no longer needed", D(12, 12));
        Add(Log("REQ-000011", Hardware, Frank, D(13, 9), ManagerStage())).Cancel(Frank, null, D(13, 9, 15));

        // R12: approved 10 s after it was asked (a quick approval); 59 min 50 s to an agent, 2 h of work. Rated 2.
        r = Add(Log("REQ-000012", Software, Alice, D(16, 9), ManagerStage()));
        r.Decide(Bob, true, null, 0, D(16, 9, 0, 10));
        r.Assign(Erin, Erin, D(16, 10));
        r.Resolve(Erin, "Done", D(16, 12));
        r.Confirm(Alice, 2, null, D(16, 13));

        // R13: approved after 20 s (quick); 2 h of work, a failed quality check (1 h), 2 h more work, a passed one (1 h). Rated 4.
        r = Add(Log("REQ-000013", Software, Frank, D(17, 9), ManagerStage()));
        r.Decide(Bob, true, null, 0, D(17, 9, 0, 20));
        r.Assign(Erin, Erin, D(17, 10));
        r.Resolve(Erin, "Done", D(17, 12), rules: Checked);
        r.FailReview(Carol, "Wrong version", D(17, 13));
        r.Resolve(Erin, "Done again", D(17, 15), rules: Checked);
        r.PassReview(Carol, D(17, 16));
        r.Confirm(Frank, 4, null, D(17, 17));

        // R14 (another team, same category): no approval; resolved, reopened, resolved again 8 h after logging. Rated 1.
        r = Add(Log("REQ-000014", Hardware, Alice, D(18, 9), team: "team-workplace"));
        r.Assign(Erin, Erin, D(18, 10));
        r.Resolve(Erin, "Done", D(18, 12));
        r.Reopen(Alice, "Still broken", D(18, 14));
        r.Resolve(Erin, "Fixed now", D(18, 17));
        r.Confirm(Alice, 1, null, D(18, 18));

        // R15-R17: Grace asks for restricted admin rights three times (an outlier); all still await approval.
        Add(Log("REQ-000015", AdminRights, Grace, D(19, 9), ManagerStage()));
        Add(Log("REQ-000016", AdminRights, Grace, D(20, 9), ManagerStage()));
        Add(Log("REQ-000017", AdminRights, Grace, D(23, 9), ManagerStage()));

        // R18: Frank's one restricted request, approved after 1 h, not assigned yet.
        Add(Log("REQ-000018", AdminRights, Frank, D(24, 9), ManagerStage())).Decide(Bob, true, null, 0, D(24, 10));

        // R19: logged in October, still worked.
        Add(Log("REQ-000019", Hardware, Alice, new DateTimeOffset(2026, 10, 28, 9, 0, 0, TimeSpan.Zero)))
            .Assign(Erin, Erin, new DateTimeOffset(2026, 10, 28, 10, 0, 0, TimeSpan.Zero));

        // R20: logged in October, fulfilled on 2 November after 71 h (target missed), closed on 3 November, rated 5.
        r = Add(Log("REQ-000020", Hardware, Frank, new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.Zero)));
        r.Assign(Erin, Erin, new DateTimeOffset(2026, 10, 30, 10, 0, 0, TimeSpan.Zero));
        r.Resolve(Erin, "Done", D(2, 8));
        r.Confirm(Frank, 5, null, D(3, 9));

        // R21, R23, R24: open at the month's end for 4 h, 3 days 15 h and 1 day 15 h; R22 is December's.
        Add(Log("REQ-000021", Software, Alice, D(30, 20)));
        Add(Log("REQ-000022", Hardware, Alice, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)));
        Add(Log("REQ-000023", Hardware, Frank, D(27, 9), ManagerStage()));
        Add(Log("REQ-000024", Software, Alice, D(29, 9), ManagerStage()));
        return all;
    }

    /// <summary>
    /// The forms shown: those of R01, R02, R03 and R05 (submitted), three never submitted in November (the last on 30
    /// November at 23:00, within a day of the month's end), and one shown in December.
    /// </summary>
    public static IReadOnlyList<FormShown> Forms() =>
    [
        Form("form-REQ-000001", Hardware, Alice, D(2, 8, 55)),
        Form("form-REQ-000002", Hardware, Frank, D(3, 8, 55)),
        Form("form-REQ-000003", Software, Alice, D(4, 8, 55)),
        Form("form-REQ-000005", Hardware, Alice, D(9, 8, 55)),
        Form("form-left-1", Hardware, Alice, D(6, 9)),
        Form("form-left-2", Software, Frank, D(20, 9)),
        Form("form-left-3", AdminRights, Grace, D(30, 23)),
        Form("form-december", Hardware, Alice, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)),
    ];

    private sealed record Item(string Id, string Name, string Category, string TeamId, bool Restricted = false);

    private static readonly Item Hardware = new("laptop", "Laptop", "Hardware", "team-hardware");
    private static readonly Item Software = new("licence", "Software licence", "Software", "team-software");
    private static readonly Item AdminRights = new("admin-rights", "Admin rights", "Access", "team-access", Restricted: true);

    private static FormShown Form(string key, Item item, PersonRef person, DateTimeOffset at) => new(key, item.Id, item.Category, item.TeamId, person, at);

    private static ServiceRequest Log(
        string id, Item item, PersonRef requester, DateTimeOffset at, params ApprovalStage[] stages) =>
        Log(id, item, requester, at, provisioning: false, team: null, stages);

    private static ServiceRequest Log(string id, Item item, PersonRef requester, DateTimeOffset at, string team) =>
        Log(id, item, requester, at, provisioning: false, team, []);

    private static ServiceRequest Log(string id, Item item, PersonRef requester, DateTimeOffset at, bool provisioning) =>
        Log(id, item, requester, at, provisioning, team: null, []);

    private static ServiceRequest Log(
        string id, Item item, PersonRef requester, DateTimeOffset at, bool provisioning, string? team, ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                id, "form-" + id, requester, item.Id, item.Name, item.Category, null, "Needed for work.", new Dictionary<string, string>(),
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium), team ?? item.TeamId, item.Name + " team", at.AddHours(40), stages,
                provisioning ? new ProvisioningPlan { Action = ProvisioningAction.AddToGroup, GroupId = "grp-admins", GroupName = "Local admins" } : null,
                Restricted: item.Restricted),
            at);
}
