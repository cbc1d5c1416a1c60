using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>
/// Every combination of a stage kind, how its approvers decide (any, all), a condition met or not and a
/// pre-authorisation, submitted and decided through the workflow. Segregation of duties has its own table
/// (<see cref="SegregationOfDutiesTests"/>).
/// </summary>
public class ApprovalPolicyTableTests
{
    private const string PreAuthorised = "pre-authorised: Sales gets VPN admin access";

    /// <summary>A stage kind as the catalog writes it, with the item's owner, and who it must resolve to for Rita.</summary>
    public sealed record Kind(string Name, StagePolicy Stage, ItemOwner? Owner, Person[] Approvers)
    {
        public override string ToString() => Name;
    }

    /// <summary>A condition, and the form values and item risk that meet it or not.</summary>
    public sealed record Condition(string Name, StageCondition? When, string Quantity, string Level, RiskLevel Risk, bool Met)
    {
        public override string ToString() => Name;
    }

    private static readonly Kind[] Kinds =
    [
        new("manager", new StagePolicy { Kind = StageKinds.Manager }, null, [Mark]),
        new("manager 2 levels up", new StagePolicy { Kind = StageKinds.Manager, Levels = 2 }, null, [Bea]),
        new("group", new StagePolicy { Kind = StageKinds.Group, GroupId = Security.Id }, null, [Sam, Sue]),
        new("item's group (no groupId)", new StagePolicy { Kind = StageKinds.Group }, null, [Sam, Sue]),
        new("owner (person)", new StagePolicy { Kind = StageKinds.Owner }, new ItemOwner { PersonId = Olga.Id }, [Olga]),
        new("owner (group)", new StagePolicy { Kind = StageKinds.Owner }, new ItemOwner { GroupId = Security.Id }, [Sam, Sue]),
        new("cost centre owner", new StagePolicy { Kind = StageKinds.CostCentreOwner }, null, [Carl]),
    ];

    private static readonly Condition[] Conditions =
    [
        new("always", null, "1", "Read", RiskLevel.Low, Met: true),
        new("cost 1,500 above 1,000", new StageCondition { CostAbove = 1000 }, "3", "Read", RiskLevel.Low, Met: true),
        new("cost 500 not above 1,000", new StageCondition { CostAbove = 1000 }, "1", "Read", RiskLevel.Low, Met: false),
        new("cost exactly 1,000 not above 1,000", new StageCondition { CostAbove = 1000 }, "2", "Read", RiskLevel.Low, Met: false),
        new("risk High at least High", new StageCondition { RiskAtLeast = RiskLevel.High }, "1", "Read", RiskLevel.High, Met: true),
        new("risk Critical at least High", new StageCondition { RiskAtLeast = RiskLevel.High }, "1", "Read", RiskLevel.Critical, Met: true),
        new("risk Medium not at least High", new StageCondition { RiskAtLeast = RiskLevel.High }, "1", "Read", RiskLevel.Medium, Met: false),
        new("level is Admin", new StageCondition { Field = "level", Value = "Admin" }, "1", "Admin", RiskLevel.Low, Met: true),
        new("level Read is not Admin", new StageCondition { Field = "level", Value = "Admin" }, "1", "Read", RiskLevel.Low, Met: false),
        new("cost and risk both met", new StageCondition { CostAbove = 1000, RiskAtLeast = RiskLevel.High }, "3", "Read", RiskLevel.High, Met: true),
        new("cost met, risk not", new StageCondition { CostAbove = 1000, RiskAtLeast = RiskLevel.High }, "3", "Read", RiskLevel.Low, Met: false),
    ];

    public static TheoryData<Kind, ApprovalMode, Condition, bool> EveryCombination()
    {
        var data = new TheoryData<Kind, ApprovalMode, Condition, bool>();
        foreach (var kind in Kinds)
        {
            foreach (var mode in Enum.GetValues<ApprovalMode>())
            {
                foreach (var condition in Conditions)
                {
                    data.Add(kind, mode, condition, false);
                    data.Add(kind, mode, condition, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public async Task Submit_AndDecide_FollowTheItemsPolicy(Kind kind, ApprovalMode mode, Condition condition, bool preAuthorised)
    {
        Entitlement[] entitlements = preAuthorised ? [new Entitlement { Department = "Sales", ItemIds = ["vpn-admin"] }] : [];
        var organisation = new PolicyOrganisation(entitlements);
        var item = Item(Stages(kind.Stage with { Mode = mode, When = condition.When }), condition.Risk, kind.Owner);

        var request = await organisation.SubmitAsync(item, condition.Quantity, condition.Level);

        if (preAuthorised || !condition.Met)
        {
            Assert.Equal(RequestState.Approved, request.State);
            Assert.Empty(request.Approvals);
            Assert.Equal(preAuthorised ? PreAuthorised : null, request.PreAuthorisation);
            Assert.Equal(preAuthorised ? PreAuthorised : "No approval needed for this item", request.History.Single(h => h.Action == AuditAction.SkipApproval).Comment);
            return;
        }

        var stage = Assert.Single(request.Approvals);
        Assert.Equal(kind.Approvers.Select(p => p.Id), stage.Approvers.Select(a => a.Id));
        Assert.Equal(mode, stage.Mode);
        Assert.Equal(RequestState.AwaitingApproval, request.State);

        // Any: the first approval decides. All: each approver must approve, and the stage waits for the rest until then.
        var needed = mode == ApprovalMode.All ? kind.Approvers : kind.Approvers.Take(1).ToArray();
        foreach (var (approver, index) in needed.Select((p, i) => (p, i)))
        {
            request = await organisation.DecideAsync(item, request, approver, approve: true, stage: 0);
            var last = index == needed.Length - 1;
            Assert.Equal(last ? RequestState.Approved : RequestState.AwaitingApproval, request.State);
            Assert.Equal(last ? [] : kind.Approvers.Skip(index + 1).Select(p => p.Id), request.Approvals[0].Awaiting.Select(a => a.Id));
        }
    }

    [Theory]
    [InlineData(ApprovalMode.Any)]
    [InlineData(ApprovalMode.All)]
    public async Task Reject_ByOneApprover_EndsTheStageAndTheRequest_InEitherMode(ApprovalMode mode)
    {
        var organisation = new PolicyOrganisation();
        var item = Item(Stages(new StagePolicy { Kind = StageKinds.Group, Mode = mode }, new StagePolicy { Kind = StageKinds.Owner }));
        var request = await organisation.SubmitAsync(item);

        request = await organisation.DecideAsync(item, request, Sue, approve: false, stage: 0);

        Assert.Equal(RequestState.Rejected, request.State);
        Assert.Equal(Sue.Id, request.Approvals[0].Decision?.ById);
        Assert.Empty(request.Approvals[0].Awaiting);
        var late = await Assert.ThrowsAsync<AlreadyDecidedException>(() => organisation.DecideAsync(item, request, Sam, approve: true, stage: 0));
        Assert.Equal("Already rejected by Sue Security just now.", late.Message);
    }

    [Fact]
    public async Task Approve_InAnAllStage_AfterAnotherRejected_IsToldItWasRejected()
    {
        var organisation = new PolicyOrganisation();
        var item = Item(Stages(new StagePolicy { Kind = StageKinds.Group, Mode = ApprovalMode.All }));
        var request = await organisation.SubmitAsync(item);
        request = await organisation.DecideAsync(item, request, Sam, approve: true, stage: 0);

        request = await organisation.DecideAsync(item, request, Sue, approve: false, stage: 0);

        Assert.Equal(RequestState.Rejected, request.State);
        Assert.Equal([AuditAction.ApprovePart, AuditAction.Reject], request.History.Where(h => h.Action.IsDecision).Select(h => h.Action));
    }

    [Fact]
    public async Task Approve_Twice_ByTheSameApproverOfAnAllStage_IsToldTheyAlreadyApproved()
    {
        var organisation = new PolicyOrganisation();
        var item = Item(Stages(new StagePolicy { Kind = StageKinds.Group, Mode = ApprovalMode.All }));
        var request = await organisation.SubmitAsync(item);
        request = await organisation.DecideAsync(item, request, Sam, approve: true, stage: 0);

        var again = await Assert.ThrowsAsync<AlreadyDecidedException>(() => organisation.DecideAsync(item, request, Sam, approve: true, stage: 0));

        Assert.Equal("Already approved by Sam Security just now.", again.Message);
    }

    [Fact]
    public async Task Stages_InSequence_AreAskedOneAfterTheOther_SkippingThoseWhoseConditionFails()
    {
        var organisation = new PolicyOrganisation();
        var item = Item(Stages(
            new StagePolicy { Kind = StageKinds.Manager },
            new StagePolicy { Kind = StageKinds.CostCentreOwner, When = new StageCondition { CostAbove = 1000 } },
            new StagePolicy { Kind = StageKinds.Group, Mode = ApprovalMode.All, When = new StageCondition { Field = "level", Value = "Admin" } },
            new StagePolicy { Kind = StageKinds.Owner, When = new StageCondition { RiskAtLeast = RiskLevel.Critical } }));

        var request = await organisation.SubmitAsync(item, quantity: "1", level: "Admin");

        Assert.Equal(["Manager", "IT Security"], request.Approvals.Select(s => s.Name));
        request = await organisation.DecideAsync(item, request, Mark, approve: true, stage: 0);
        Assert.Equal([Sam.Id, Sue.Id], request.PendingStage!.Awaiting.Select(a => a.Id));
        request = await organisation.DecideAsync(item, request, Sue, approve: true, stage: 1);
        request = await organisation.DecideAsync(item, request, Sam, approve: true, stage: 1);
        Assert.Equal(RequestState.Approved, request.State);
    }

    [Theory]
    [InlineData("Sales", null, null, true)]
    [InlineData("sales", null, null, true)]
    [InlineData(null, "Account manager", null, true)]
    [InlineData(null, null, "grp-devops", true)]
    [InlineData("Sales", "Account manager", null, true)]
    [InlineData("Marketing", null, null, false)]
    [InlineData("Sales", "Intern", null, false)]
    [InlineData(null, null, "grp-sec", false)]
    public async Task PreAuthorisation_ByDepartmentJobTitleOrGroup_AllGivenMustMatch(string? department, string? jobTitle, string? groupId, bool expected)
    {
        var organisation = new PolicyOrganisation([new Entitlement { Department = department, JobTitle = jobTitle, GroupId = groupId, Categories = ["access"] }]);

        var request = await organisation.SubmitAsync(Item(ApprovalPolicy.Manager));

        Assert.Equal(expected ? RequestState.Approved : RequestState.AwaitingApproval, request.State);
        Assert.Equal(expected, request.PreAuthorisation?.StartsWith("pre-authorised: ", StringComparison.Ordinal) == true);
        Assert.Equal(expected, request.PreAuthorisation?.EndsWith(" gets Access items", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PreAuthorisation_ForAnotherItem_DoesNotApply()
    {
        var organisation = new PolicyOrganisation([new Entitlement { Department = "Sales", ItemIds = ["ide-licence"] }]);

        var request = await organisation.SubmitAsync(Item(ApprovalPolicy.Manager));

        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Null(request.PreAuthorisation);
    }

    [Fact]
    public async Task Shorthands_ResolveAsTheyAlwaysDid()
    {
        var organisation = new PolicyOrganisation();

        var none = await organisation.SubmitAsync(Item(ApprovalPolicy.None));
        var manager = await organisation.SubmitAsync(Item(ApprovalPolicy.Manager));
        var managerThenGroup = await organisation.SubmitAsync(Item(ApprovalPolicy.ManagerThenGroup));

        Assert.Empty(none.Approvals);
        Assert.Equal(["Manager"], manager.Approvals.Select(s => s.Name));
        Assert.Equal(["Manager", "IT Security"], managerThenGroup.Approvals.Select(s => s.Name));
        Assert.All(managerThenGroup.Approvals, s => Assert.Equal(ApprovalMode.Any, s.Mode));
    }
}
