using System.Text.Json;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>
/// The escalation ladder on the request, rule by rule, at exact instants: level 1 the team lead (the at-risk share, or the
/// requester's follow-up), level 2 the supervisor (the breach, or reopened twice), level 3 senior management (P1 or a VIP
/// at once, a long breach); each level once; resolved with the request.
/// </summary>
public sealed class EscalationLadderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef Lead = new("u-lee", "Lee Lead");
    private static readonly PersonRef Supervisor = new("u-sue", "Sue Supervisor");
    private static readonly PersonRef Senior = new("u-sam", "Sam Senior");

    // 40 hours to the target: level 1 at 30 hours, level 2 just after 40, level 3 eight hours later.
    private static readonly DateTimeOffset AtRisk = Start.AddHours(30);
    private static readonly DateTimeOffset Due = Start.AddHours(40);
    private static readonly DateTimeOffset LongBreach = Due.AddHours(8);

    private static readonly EscalationContacts Ladder = new(Lead, Supervisor, [Senior])
    {
        Level3AfterBreachHours = 8,
        LongBreachAt = due => due.AddHours(8),
    };

    public static TheoryData<string, Urgency, Impact, bool, int?> AtOnce => new()
    {
        { "P1", Urgency.High, Impact.High, false, Escalation.SeniorManagement },
        { "a VIP's P4", Urgency.Low, Impact.Low, true, Escalation.SeniorManagement },
        { "P2", Urgency.High, Impact.Medium, false, null },
        { "P4", Urgency.Low, Impact.Low, false, null },
    };

    [Theory]
    [MemberData(nameof(AtOnce))]
    public void EscalateAtOnce_P1OrAVip_GoesToSeniorManagementAtOnce_OnlyOnce(string what, Urgency urgency, Impact impact, bool vip, int? level)
    {
        var request = Working(PriorityMatrix.Assess(impact, urgency));

        var fired = request.EscalateAtOnce(Ladder with { RequesterIsVip = vip }, Start.AddMinutes(1));

        Assert.Equal(level is not null, fired);
        Assert.Equal(level is null ? [] : [(level.Value, Start.AddMinutes(1), Senior)], request.Escalations.Select(e => (e.Level, e.At, e.To.Single())));
        Assert.False(request.EscalateAtOnce(Ladder with { RequesterIsVip = vip }, Start.AddHours(1)), what);
        if (fired)
        {
            Assert.Equal(RequestEventType.Escalated, request.Outbox[^1].Type);
            Assert.EndsWith("please allocate a dedicated person", request.Escalations[0].Why);
        }
    }

    [Fact]
    public void EscalateAtOnce_WhileAwaitingApproval_WaitsUntilTheTeamHasIt()
    {
        var request = Submit(PriorityMatrix.Assess(Impact.High, Urgency.High), [new ApprovalStage("Manager", [new PersonRef("u-m", "Mo Manager")])]);

        Assert.False(request.EscalateAtOnce(Ladder, Start.AddMinutes(1)));
        Assert.Empty(request.Escalations);
    }

    [Fact]
    public void Level1_AtTheAtRiskShare_ToTheLead_WithTheWarning()
    {
        var request = Working();
        Assert.Equal(AtRisk, request.SlaCheckAt);

        Assert.False(request.CheckSla(AtRisk.AddTicks(-1), escalations: Ladder).DidAnything);
        Assert.True(request.CheckSla(AtRisk, escalations: Ladder).WarnedAtRisk);

        var level1 = Assert.Single(request.Escalations);
        Assert.Equal((Escalation.TeamLead, AtRisk, "target date at risk", Lead), (level1.Level, level1.At, level1.Why, level1.To.Single()));
        Assert.Equal(RequestEventType.SlaAtRisk, request.Outbox[^1].Type);
        Assert.Equal("Escalated to level 1, Lee Lead (team lead): target date at risk", request.History[^1].Comment);
        Assert.Equal(Due.AddTicks(1), request.SlaCheckAt);
    }

    [Fact]
    public void Level2_AtTheBreach_ToTheSupervisor_AndTheLongBreachIsSet()
    {
        var request = Working();
        request.CheckSla(AtRisk, escalations: Ladder);

        Assert.True(request.CheckSla(Due.AddTicks(1), escalations: Ladder).Escalated);

        Assert.Equal([(1, Lead), (2, Supervisor)], request.Escalations.Select(e => (e.Level, e.To.Single())));
        Assert.Equal(RequestEventType.SlaBreached, request.Outbox[^1].Type);
        Assert.Equal(LongBreach, request.LongBreachAt);
        Assert.Equal(LongBreach, request.SlaCheckAt);
        Assert.Equal(2, request.ActiveEscalation!.Level);
    }

    [Fact]
    public void Level2_WithoutASupervisor_GoesToTheLead_AndTheHistorySaysSo()
    {
        var request = Working();

        request.CheckSla(Due.AddHours(1), escalations: Ladder with { Supervisor = null });

        var level2 = Assert.Single(request.Escalations);
        Assert.Equal((2, Lead, "team lead"), (level2.Level, level2.To.Single(), level2.RoleName));
        Assert.Equal(
            "Escalated to level 2, Lee Lead (team lead): target date missed; nobody is named for the supervisor, so it goes to the team lead",
            request.History[^1].Comment);
    }

    [Fact]
    public void Level3_AtALongBreach_ToSeniorManagement_Once()
    {
        var request = Working();
        request.CheckSla(Due.AddHours(1), escalations: Ladder);

        Assert.False(request.CheckSla(LongBreach.AddTicks(-1), escalations: Ladder).DidAnything);
        Assert.True(request.CheckSla(LongBreach, escalations: Ladder).Escalated);
        Assert.False(request.CheckSla(LongBreach.AddDays(5), escalations: Ladder).DidAnything);

        Assert.Equal([2, 3], request.Escalations.Select(e => e.Level));
        Assert.Equal([Senior], request.Escalations[^1].To);
        Assert.Equal("still open 8 working hours past the target: please allocate a dedicated person", request.Escalations[^1].Why);
        Assert.Null(request.SlaCheckAt);
    }

    [Fact]
    public void NoLongBreachConfigured_NothingMoreAfterTheBreach()
    {
        var request = Working();

        request.CheckSla(Due.AddHours(1), escalations: Ladder with { Level3AfterBreachHours = null, LongBreachAt = _ => null });

        Assert.Null(request.LongBreachAt);
        Assert.Null(request.SlaCheckAt);
    }

    [Fact]
    public void ReopenedTwice_FiresLevel2_AtTheSecondReopen()
    {
        var request = Working();
        request.Resolve(Agent, "Done", Start.AddHours(1));
        request.Reopen(Requester, "Still broken", Start.AddHours(2));
        request.Resolve(Agent, "Done again", Start.AddHours(3));
        request.Reopen(Requester, "Still broken", Start.AddHours(4));
        Assert.Equal(Start.AddHours(4), request.SlaCheckAt);

        Assert.True(request.CheckSla(Start.AddHours(4), escalations: Ladder).Escalated);

        var level2 = Assert.Single(request.Escalations);
        Assert.Equal((2, "reopened twice", Supervisor), (level2.Level, level2.Why, level2.To.Single()));
        Assert.Equal(RequestEventType.Escalated, request.Outbox[^1].Type);
        Assert.Equal(AtRisk, request.SlaCheckAt);
    }

    /// <summary>
    /// Decided: a level fires once per request. A breach after a reopen does not fire level 2 again: the supervisor had the
    /// request already (their card says it was resolved); the history and the requester's notice still say it is late.
    /// </summary>
    [Fact]
    public void SecondBreachAfterAReopen_DoesNotFireLevel2Again()
    {
        var request = Working();
        request.CheckSla(Due.AddHours(1), escalations: Ladder);
        request.Resolve(Agent, "Done", Due.AddHours(2));
        request.Reopen(Requester, "Still broken", Due.AddHours(3));

        Assert.False(request.CheckSla(Due.AddHours(4), escalations: Ladder).DidAnything);
        Assert.Single(request.Escalations, e => e.Level == Escalation.Supervisor);
        Assert.Null(request.ActiveEscalation);
    }

    [Fact]
    public void FollowUp_FiresLevel1Once_ThenSaysWhoHasIt()
    {
        var request = Working();

        var first = request.FollowUp(Requester, Ladder, Start.AddHours(2));
        var second = request.FollowUp(Requester, Ladder, Start.AddHours(3));

        Assert.True(first.Escalated);
        Assert.Equal((1, "Rita Requester followed up", Lead), (first.Escalation.Level, first.Escalation.Why, first.Escalation.To.Single()));
        Assert.False(second.Escalated);
        Assert.Same(first.Escalation, second.Escalation);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.Escalated);
        // The at-risk instant warns the team but does not fire level 1 again.
        Assert.True(request.CheckSla(AtRisk, escalations: Ladder).WarnedAtRisk);
        Assert.Single(request.Escalations);
    }

    [Fact]
    public void FollowUp_WhenAHigherLevelStands_NamesIt()
    {
        var request = Working();
        request.CheckSla(Due.AddHours(1), escalations: Ladder);

        var outcome = request.FollowUp(Requester, Ladder, Due.AddHours(2));

        Assert.False(outcome.Escalated);
        Assert.Equal(Escalation.Supervisor, outcome.Escalation.Level);
    }

    [Fact]
    public void FollowUp_BySomeoneElse_OrBeforeTheTeamHasIt_IsRefused()
    {
        Assert.Throws<NotPermittedException>(() => Working().FollowUp(Agent, Ladder, Start.AddHours(1)));
        var awaiting = Submit(PriorityMatrix.Assess(Impact.Low, Urgency.Low), [new ApprovalStage("Manager", [new PersonRef("u-m", "Mo Manager")])]);
        Assert.Throws<RequestRuleException>(() => awaiting.FollowUp(Requester, Ladder, Start.AddHours(1)));
    }

    public static TheoryData<string> Endings => ["resolved", "cancelled"];

    [Theory]
    [MemberData(nameof(Endings))]
    public void ResolvedOrCancelled_DeEscalatesEveryStandingLevel(string ending)
    {
        var request = Working();
        request.CheckSla(AtRisk, escalations: Ladder);
        request.CheckSla(Due.AddHours(1), escalations: Ladder);
        var at = Due.AddHours(2);

        if (ending == "resolved")
        {
            request.Resolve(Agent, "Done", at);
        }
        else
        {
            request.Cancel(Requester, null, at);
        }

        Assert.All(request.Escalations, e => Assert.Equal(at, e.ResolvedAt));
        Assert.Null(request.ActiveEscalation);
        Assert.Contains(request.History, h => h.Action == AuditAction.Deescalate && h.Comment == "Escalation resolved: level 1 (Lee Lead); level 2 (Sue Supervisor)");
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.Deescalated && e.CreatedAt == at);
        Assert.Null(request.SlaCheckAt);
    }

    [Fact]
    public void ResolvedWithoutEscalation_RaisesNoDeEscalation()
    {
        var request = Working();

        request.Resolve(Agent, "Done", Start.AddHours(1));

        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.Deescalated);
    }

    [Fact]
    public void DocumentFromBeforeTheLadder_WithOnlySlaEscalatedAt_ReadsAsLevel2Fired()
    {
        var request = Working();
        request.CheckSla(Due.AddHours(1));
        var doc = JsonSerializer.SerializeToNode(request, RequestJson.Options)!.AsObject();
        doc.Remove("escalations");
        var old = doc.Deserialize<ServiceRequest>(RequestJson.Options)!;

        var legacy = Assert.Single(old.Escalations);
        Assert.Equal((2, Due.AddHours(1), true), (legacy.Level, legacy.At, legacy.IsActive));
        Assert.True(old.HasReached(Escalation.Supervisor));
        old.Resolve(Agent, "Done", Due.AddHours(2));
        Assert.Equal(Due.AddHours(2), Assert.Single(old.Escalations).ResolvedAt);
    }

    [Fact]
    public void Escalations_RoundTripThroughTheStoredDocument()
    {
        var request = Working();
        request.CheckSla(Due.AddHours(1), escalations: Ladder with { Supervisor = null });

        var read = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;

        var (written, back) = (request.Escalations.Single(), read.Escalations.Single());
        Assert.Equal((written.Level, written.At, written.Why, written.Role, written.ResolvedAt), (back.Level, back.At, back.Why, back.Role, back.ResolvedAt));
        Assert.Equal([Lead], back.To);
        Assert.Equal(request.LongBreachAt, read.LongBreachAt);
    }

    private static ServiceRequest Working(PriorityAssessment? priority = null)
    {
        var request = Submit(priority ?? PriorityMatrix.Assess(Impact.Low, Urgency.Medium), []);
        request.Assign(Agent, Agent, Start.AddMinutes(5));
        return request;
    }

    private static ServiceRequest Submit(PriorityAssessment priority, ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-1", Requester, "laptop", "Laptop", "Hardware", null, "Old laptop.",
                new Dictionary<string, string>(), priority, "team-hw", "Hardware", Due, stages),
            Start);
}
