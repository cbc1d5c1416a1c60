using ChatRequests.Core.Approvals;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests;

/// <summary>The quality check and closing as the workflow applies them from the catalog item and the team's settings.</summary>
public sealed class RequestWorkflowQualityTests
{
    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private readonly InMemoryRequestStore _store = new();
    private readonly PersonRef _adele = SampleData.Ref(SampleData.Adele);
    private readonly PersonRef _lidia = SampleData.Ref(SampleData.Lidia);
    private readonly PersonRef _grady = SampleData.Ref(SampleData.Grady);

    [Fact]
    public async Task FlaggedItem_GoesToReview_AndNeedsAWorkNote()
    {
        var workflow = Workflow(flagged: true);
        var request = await WorkingLaptopAsync(workflow);

        var refusal = await Assert.ThrowsAsync<RequestRuleException>(() => workflow.ResolveAsync(request.Id, _adele, "Ready at the desk."));
        Assert.Contains("work note", refusal.Message);
        var resolved = await workflow.ResolveAsync(request.Id, _adele, "Ready at the desk.", "Imaged, BitLocker on.");

        Assert.Equal(RequestState.InReview, resolved.State);
        Assert.Equal("Imaged, BitLocker on.", resolved.WorkNote);
    }

    [Fact]
    public async Task UnflaggedItem_OfATeamThatChecksNothingByDefault_IsFulfilledAsBefore()
    {
        var workflow = Workflow(flagged: false);
        var request = await WorkingLaptopAsync(workflow);

        var resolved = await workflow.ResolveAsync(request.Id, _adele, "Ready at the desk.");

        Assert.Equal(RequestState.Fulfilled, resolved.State);
        Assert.Null(resolved.Closing);
    }

    [Fact]
    public async Task TeamThatChecksAllItems_SendsAnUnflaggedItemToReview()
    {
        var workflow = Workflow(flagged: false, team => team with { QualityCheck = "allItems" });
        var request = await WorkingLaptopAsync(workflow);

        var resolved = await workflow.ResolveAsync(request.Id, _adele, "Ready.", "Swapped the disk.");

        Assert.Equal(RequestState.InReview, resolved.State);
    }

    [Fact]
    public async Task TeamWithQualityCheckOff_FulfilsAFlaggedItemDirectly_ButStillWantsTheWorkNote()
    {
        var workflow = Workflow(flagged: true, team => team with { QualityCheck = "off" });
        var request = await WorkingLaptopAsync(workflow);

        await Assert.ThrowsAsync<RequestRuleException>(() => workflow.ResolveAsync(request.Id, _adele, "Ready."));
        var resolved = await workflow.ResolveAsync(request.Id, _adele, "Ready.", "Swapped the disk.");

        Assert.Equal(RequestState.Fulfilled, resolved.State);
    }

    [Fact]
    public async Task TheLead_WhoIsNoMember_MayPass_AndThePassSchedulesTheTeamsClosing()
    {
        var workflow = Workflow(flagged: true, team => team with { Closure = new ClosureSettings() });
        var request = await InReviewAsync(workflow);
        _clock.Advance(TimeSpan.FromHours(1));

        var passed = await workflow.PassReviewAsync(request.Id, _grady);

        Assert.Equal(RequestState.Fulfilled, passed.State);
        Assert.Equal(_grady, passed.VerifiedBy);
        Assert.Equal(_clock.GetUtcNow(), passed.Closing!.FulfilledAt);
        Assert.Equal(_clock.GetUtcNow().AddDays(5), passed.Closing.AutoCloseAt); // the sample team is always open
    }

    [Fact]
    public async Task TheAssignee_MayNotPassTheirOwnWork()
    {
        var workflow = Workflow(flagged: true);
        var request = await InReviewAsync(workflow);

        await Assert.ThrowsAsync<NotPermittedException>(() => workflow.PassReviewAsync(request.Id, _adele));

        Assert.Equal(RequestState.InReview, (await _store.GetAsync(request.Id))!.State);
    }

    [Fact]
    public async Task SomeoneOutsideTheTeam_LearnsNothing()
    {
        var workflow = Workflow(flagged: true);
        var request = await InReviewAsync(workflow);

        await Assert.ThrowsAsync<RequestNotVisibleException>(
            () => workflow.FailReviewAsync(request.Id, SampleData.Ref(SampleData.Christie), "Looks wrong"));
    }

    [Fact]
    public async Task AColleague_FailsIt_WithAReason_AndItIsBackWithTheAssignee()
    {
        var workflow = Workflow(flagged: true);
        var request = await InReviewAsync(workflow);

        var failed = await workflow.FailReviewAsync(request.Id, _lidia, "The old laptop was not wiped.");

        Assert.Equal((RequestState.InProgress, _adele), (failed.State, failed.Assignee));
        Assert.Equal("The old laptop was not wiped.", failed.Review!.Reason);
    }

    private RequestWorkflow Workflow(bool flagged, Func<Team, Team>? hardware = null)
    {
        var teams = SampleData.Organisation.Teams.Select(t => t.Id == "team-hardware" && hardware is not null ? hardware(t) : t);
        var directory = new InMemoryDirectory(SampleData.Organisation.People, teams, SampleData.Organisation.ApproverGroups);
        var items = SampleData.Items.Select(i => i.Id == "laptop-standard" ? i with { QualityCheck = flagged } : i).ToList();
        return new RequestWorkflow(_store, new InMemoryCatalog(items), directory, new ApproverResolver(directory), _clock);
    }

    private async Task<ServiceRequest> WorkingLaptopAsync(RequestWorkflow workflow)
    {
        var form = new RequestForm(
            "key-1", "laptop-standard", "My laptop is five years old.", "Medium",
            new Dictionary<string, string?> { ["costCentre"] = "CC-4711", ["deliveryLocation"] = "Berlin office", ["keyboardLayout"] = "German (QWERTZ)" });
        var request = (await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;
        await workflow.DecideAsync(request.Id, SampleData.Ref(SampleData.Alex), approve: true, null, stage: 0);
        return await workflow.AssignToSelfAsync(request.Id, _adele);
    }

    private async Task<ServiceRequest> InReviewAsync(RequestWorkflow workflow)
    {
        var request = await WorkingLaptopAsync(workflow);
        var resolved = await workflow.ResolveAsync(request.Id, _adele, "Ready at the desk.", "Imaged.");
        Assert.Equal(RequestState.InReview, resolved.State);
        return resolved;
    }
}
