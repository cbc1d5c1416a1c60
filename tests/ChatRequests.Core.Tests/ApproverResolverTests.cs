using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace ChatRequests.Core.Tests;

public class ApproverResolverTests
{
    private static readonly Person Boss = new() { Id = "u-boss", Name = "Bea Boss" };
    private static readonly Person Manager = new() { Id = "u-mark", Name = "Mark Manager", ManagerId = Boss.Id };
    private static readonly Person Requester = new() { Id = "u-rita", Name = "Rita Requester", ManagerId = Manager.Id };
    private static readonly Person Loner = new() { Id = "u-lou", Name = "Lou Loner" };
    private static readonly Person Sam = new() { Id = "u-sam", Name = "Sam Security", ManagerId = Boss.Id };
    private static readonly Person Sue = new() { Id = "u-sue", Name = "Sue Security", ManagerId = Boss.Id };
    private static readonly ApproverGroup Security = new() { Id = "grp-sec", Name = "IT Security", MemberIds = [Sam.Id, Sue.Id] };

    [Fact]
    public async Task Resolve_ItemWithoutApproval_NeedsNoStages()
    {
        var stages = await Resolver().ResolveAsync(Item(ApprovalPolicy.None), Requester);

        Assert.Empty(stages);
    }

    [Fact]
    public async Task Resolve_ManagerApproval_AsksTheDirectManager()
    {
        var stages = await Resolver().ResolveAsync(Item(ApprovalPolicy.Manager), Requester);

        var stage = Assert.Single(stages);
        Assert.Equal("Manager", stage.Name);
        Assert.Equal([new PersonRef(Manager.Id, Manager.Name)], stage.Approvers);
        Assert.Null(stage.Decision);
    }

    [Fact]
    public async Task Resolve_ManagerThenGroup_AsksTheManagerThenTheGroup()
    {
        var stages = await Resolver().ResolveAsync(Item(ApprovalPolicy.ManagerThenGroup), Requester);

        Assert.Equal(["Manager", "IT Security"], stages.Select(s => s.Name));
        Assert.Equal([new PersonRef(Manager.Id, Manager.Name)], stages[0].Approvers);
        Assert.Equal([new PersonRef(Sam.Id, Sam.Name), new PersonRef(Sue.Id, Sue.Name)], stages[1].Approvers);
    }

    [Fact]
    public async Task Resolve_ManagerChainLeadingBackToTheRequester_GoesToTheNextManagerUp()
    {
        // The requester's manager id resolves to the requester (a directory alias); their record names the real manager.
        var directory = Substitute.For<IDirectory>();
        directory.FindPersonAsync("alias-of-rita", Arg.Any<CancellationToken>()).Returns(Requester);
        directory.FindPersonAsync(Manager.Id, Arg.Any<CancellationToken>()).Returns(Manager);
        var requester = Requester with { ManagerId = "alias-of-rita" };

        var stages = await new ApproverResolver(directory).ResolveAsync(Item(ApprovalPolicy.Manager), requester);

        Assert.Equal(Manager.Id, Assert.Single(Assert.Single(stages).Approvers).Id);
    }

    [Fact]
    public async Task Resolve_ManagerLoopBackToTheRequester_TakesTheFirstOtherPerson()
    {
        var manager = Manager with { ManagerId = Requester.Id };
        var stages = await Resolver(manager, Requester).ResolveAsync(Item(ApprovalPolicy.Manager), Requester);

        Assert.Equal(Manager.Id, Assert.Single(Assert.Single(stages).Approvers).Id);
    }

    [Fact]
    public async Task Resolve_RequesterWhoIsTheirOwnManager_FallsBackToTheGroup()
    {
        var selfManaged = Requester with { ManagerId = Requester.Id };

        var stages = await Resolver(selfManaged).ResolveAsync(Item(ApprovalPolicy.Manager), selfManaged);

        Assert.Equal("IT Security", Assert.Single(stages).Name);
    }

    [Theory]
    [InlineData(nameof(ApprovalPolicy.Manager))]
    [InlineData(nameof(ApprovalPolicy.ManagerThenGroup))]
    public async Task Resolve_RequesterWithoutManager_FallsBackToTheGroupOnce(string shorthand)
    {
        var policy = ApprovalPolicy.Shorthands.Single(p => p.Shorthand == shorthand);
        var stages = await Resolver().ResolveAsync(Item(policy), Loner);

        var stage = Assert.Single(stages);
        Assert.Equal("IT Security", stage.Name);
        Assert.Equal([Sam.Id, Sue.Id], stage.Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Resolve_ManagerMissingFromTheDirectory_FallsBackToTheGroup()
    {
        var orphan = Requester with { ManagerId = "u-left-the-company" };

        var stages = await Resolver().ResolveAsync(Item(ApprovalPolicy.Manager), orphan);

        Assert.Equal("IT Security", Assert.Single(stages).Name);
    }

    [Fact]
    public async Task Resolve_RequesterInTheGroup_IsLeftOutOfTheGroupStage()
    {
        var stages = await Resolver().ResolveAsync(Item(ApprovalPolicy.ManagerThenGroup), Sam);

        Assert.Equal(Boss.Id, stages[0].Approvers.Single().Id);
        Assert.Equal([Sue.Id], stages[1].Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Resolve_GroupOfOnlyTheRequester_ExplainsNoOneCanApprove()
    {
        var soloGroup = Security with { MemberIds = [Loner.Id] };
        var resolver = new ApproverResolver(new InMemoryDirectory([Loner], groups: [soloGroup]));

        var error = await Assert.ThrowsAsync<RequestRuleException>(() => resolver.ResolveAsync(Item(ApprovalPolicy.Manager), Loner));

        Assert.Equal(
            "No one but you is in the approver group 'IT Security', and you cannot approve your own request. Please contact the IT service desk.",
            error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("grp-deleted")]
    public async Task Resolve_NoManagerAndNoUsableGroup_ExplainsNoOneCanApprove(string? groupId)
    {
        var item = Item(ApprovalPolicy.Manager) with { ApproverGroupId = groupId };

        var error = await Assert.ThrowsAsync<RequestRuleException>(() => Resolver().ResolveAsync(item, Loner));

        Assert.Equal(
            "No one can approve 'Test item' for you: there is no manager above you and the item has no approver group. Please contact the IT service desk.",
            error.Message);
    }

    [Fact]
    public async Task Resolve_GroupMemberMissingFromTheDirectory_IsStillAnApproverById()
    {
        var group = Security with { MemberIds = [Sam.Id, "u-unknown"] };
        var resolver = new ApproverResolver(new InMemoryDirectory([Requester, Manager, Sam], groups: [group]));

        var stages = await resolver.ResolveAsync(Item(ApprovalPolicy.ManagerThenGroup), Requester);

        Assert.Equal([new PersonRef(Sam.Id, Sam.Name), new PersonRef("u-unknown", "u-unknown")], stages[1].Approvers);
    }

    [Theory]
    [InlineData(SampleData.Megan, "laptop-standard", new[] { SampleData.Alex })]
    [InlineData(SampleData.Megan, "laptop-developer", new[] { SampleData.Alex }, new[] { SampleData.Isaiah, SampleData.Joni })]
    [InlineData(SampleData.Pradeep, "laptop-standard", new[] { SampleData.Isaiah, SampleData.Joni })]
    [InlineData(SampleData.Joni, "laptop-developer", new[] { SampleData.Isaiah }, new[] { SampleData.Isaiah })]
    [InlineData(SampleData.Patti, "shared-folder-access", new[] { SampleData.Raul, SampleData.Allan })]
    [InlineData(SampleData.Megan, "password-reset")]
    public async Task Resolve_SampleOrganisation_GivesTheExpectedApprovers(string requesterId, string itemId, params string[][] expected)
    {
        var resolver = new ApproverResolver(SampleData.Directory());

        var stages = await resolver.ResolveAsync(SampleData.Item(itemId), SampleData.Person(requesterId));

        Assert.Equal(expected.Length, stages.Count);
        Assert.All(expected.Zip(stages), pair => Assert.Equal(pair.First, pair.Second.Approvers.Select(a => a.Id)));
    }

    [Fact]
    public async Task Resolve_StampsEveryStageWithTheItemsApprovalTimeout_ElseTheConfiguredDefault_ElseNone()
    {
        var directory = new InMemoryDirectory([Boss, Manager, Requester, Sam, Sue], groups: [Security]);
        var configured = new ApproverResolver(directory, Options.Create(new ApprovalOptions { DefaultTimeoutHours = 72 }));
        var item = Item(ApprovalPolicy.ManagerThenGroup);

        var own = await configured.ResolveAsync(item with { ApprovalTimeoutHours = 48 }, Requester);
        var byDefault = await configured.ResolveAsync(item, Requester);
        var none = await Resolver().ResolveAsync(item, Requester);

        Assert.Equal([48, 48], own.Select(s => s.TimeoutHours));
        Assert.Equal([72, 72], byDefault.Select(s => s.TimeoutHours));
        Assert.Equal([null, null], none.Select(s => s.TimeoutHours));
    }

    private static ApproverResolver Resolver(params Person[] overrides)
    {
        var people = new[] { Boss, Manager, Requester, Loner, Sam, Sue }
            .Select(p => overrides.FirstOrDefault(o => o.Id == p.Id) ?? p);
        return new ApproverResolver(new InMemoryDirectory(people, groups: [Security]));
    }

    private static CatalogItem Item(ApprovalPolicy policy) =>
        new() { Id = "test-item", Name = "Test item", Category = "Access", Approval = policy, ApproverGroupId = Security.Id };
}
