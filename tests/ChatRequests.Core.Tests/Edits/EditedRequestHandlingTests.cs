using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Tests.Approvals;
using ChatRequests.Core.Workflow;
using NSubstitute;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Edits;

/// <summary>
/// What the fulfilment worker does once the requester changed a request: the approval cards already posted show the new
/// answers (a new round's cards come with its own event), and the team card too once the team has the request.
/// </summary>
public sealed class EditedRequestHandlingTests
{
    private static readonly CatalogItem Item = PolicyOrganisation.Item(ApprovalPolicy.Manager);

    private readonly PolicyOrganisation _organisation = new();
    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly EditWorkflow _edits;
    private readonly FulfilmentHandler _handler;

    public EditedRequestHandlingTests()
    {
        var approvers = new ApproverResolver(_organisation.Directory);
        var catalog = new InMemoryCatalog([Item]);
        var requests = new RequestWorkflow(_organisation.Store, catalog, _organisation.Directory, approvers, _organisation.Clock);
        _edits = new EditWorkflow(requests, _organisation.Store, catalog, _organisation.Directory, approvers, _organisation.Clock);
        _handler = new FulfilmentHandler(_notifier, _organisation.Store, _organisation.Clock);
    }

    [Fact]
    public async Task WhileTheManagerDecides_TheirCardShowsTheNewAnswers_NoTeamCardYet()
    {
        var request = await _organisation.SubmitAsync(Item, "2");
        _organisation.Clock.Advance(TimeSpan.FromMinutes(5));

        var edited = await EditAsync(request, "1");

        await _notifier.Received(1).ShowApprovalCardAsync(edited, Arg.Is<PersonRef>(p => p.Id == Mark.Id), 0, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceive().ShowTeamCardAsync(Arg.Any<ServiceRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task BackForApproval_TheOldCardIsBroughtUpToDate_TheNewRoundIsLeftToItsEvent_AndTheTeamCardShowsIt()
    {
        var request = await _organisation.DecideAsync(Item, await _organisation.SubmitAsync(Item, "1"), Mark, approve: true, stage: 0);
        _organisation.Clock.Advance(TimeSpan.FromMinutes(5));

        var edited = await EditAsync(request, "3");

        Assert.Equal(RequestState.AwaitingApproval, edited.State);
        await _notifier.Received(1).ShowApprovalCardAsync(edited, Arg.Is<PersonRef>(p => p.Id == Mark.Id), 0, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceive().ShowApprovalCardAsync(Arg.Any<ServiceRequest>(), Arg.Any<PersonRef>(), 1, Arg.Any<CancellationToken>());
        await _notifier.Received(1).ShowTeamCardAsync(edited, Arg.Any<CancellationToken>());
    }

    private async Task<ServiceRequest> EditAsync(ServiceRequest request, string quantity)
    {
        var fields = request.Fields.ToDictionary(f => f.Key, f => (string?)f.Value);
        fields["quantity"] = quantity;
        var edited = (await _edits.EditAsync(request.Id, new PersonRef(Rita.Id, Rita.Name), new RequestForm("change-1", Item.Id, "I need it for the audit.", null, fields))).Request;
        await _handler.HandleAsync(edited, edited.Outbox.Single(e => e.Type == RequestEventType.RequestEdited));
        return edited;
    }
}
