using ChatRequests.Core.Audit;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Audit;

public class RequestHistoryTests
{
    [Fact]
    public void For_TheTeamSide_ReadsEveryLineInOrder_WithTheJustificationAndComments()
    {
        var request = Resolved();

        var lines = RequestHistory.For(request, readerId: null, readsInternal: true);

        Assert.Equal(request.History.Select(h => h.Action), lines.Select(l => l.Action));
        Assert.Equal("Justification: My laptop is five years old and the battery is gone.", lines[0].Detail);
        Assert.Equal(("Bob Manager", "Fine by me"), (lines[2].Who, lines[2].Detail));
        Assert.Equal(RequestState.Approved, lines.Single(l => l.Action == AuditAction.Approve).NowIn);
        Assert.Null(lines[0].NowIn);
        Assert.Contains(lines, l => l.Action == AuditAction.WorkNote && l.Detail == "Reimaged; old disk wiped");
    }

    [Fact]
    public void For_TheRequester_LeavesOutWorkNotes()
    {
        var lines = RequestHistory.For(Resolved(), readerId: null, readsInternal: false);

        Assert.DoesNotContain(lines, l => l.Action == AuditAction.WorkNote);
        Assert.DoesNotContain(lines, l => l.Detail == "Reimaged; old disk wiped");
        Assert.Contains(lines, l => l.Action == AuditAction.Resolve && l.Detail == "Delivered to desk 4.12");
    }

    [Fact]
    public void For_ADelegatesDecision_SaysOnWhoseBehalf()
    {
        var request = Submit("REQ-000001", stages: [new ApprovalStage("Manager", [Dave]) { StandIns = [new StandIn(Dave, Bob, "delegated")] }]);

        request.Decide(Dave, approve: true, "Covering for Bob", 0, Start.AddHours(1));

        var line = RequestHistory.For(request, readerId: null, readsInternal: false).Single(l => l.Action.IsDecision);
        Assert.Equal("Dave Security on behalf of Bob Manager", line.Who);
    }

    [Fact]
    public void Page_LongHistory_StartsAtTheNewestPage_AndPagesBackTo0()
    {
        var request = Submit("REQ-000001");
        request.Assign(Erin, Erin, Start.AddMinutes(1));
        for (var i = 0; i < 30; i++)
        {
            request.SetStatus(Erin, i % 2 == 0 ? RequestState.InProgress : RequestState.Scheduled, $"step {i}", Start.AddMinutes(2 + i));
        }

        var total = RequestHistory.For(request, readerId: null, readsInternal: true).Count;
        var newest = RequestHistory.Page(request, readerId: null, readsInternal: true, page: null);
        var oldest = RequestHistory.Page(request, readerId: null, readsInternal: true, page: 0);
        var outOfRange = RequestHistory.Page(request, readerId: null, readsInternal: true, page: 99);

        Assert.Equal((newest.Pages - 1, true, false), (newest.Page, newest.HasOlder, newest.HasNewer));
        Assert.Equal(total - (newest.Pages - 1) * HistoryPage.Size, newest.Lines.Count);
        Assert.Equal((0, false, true, HistoryPage.Size), (oldest.Page, oldest.HasOlder, oldest.HasNewer, oldest.Lines.Count));
        Assert.Equal(AuditAction.Submitted, oldest.Lines[0].Action);
        Assert.Equal(newest.Page, outOfRange.Page);
    }

    private static ServiceRequest Resolved()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage(), SecurityStage()]);
        request.Decide(Bob, approve: true, "Fine by me", 0, Start.AddHours(1));
        request.Decide(Carol, approve: true, null, 1, Start.AddHours(2));
        request.Assign(Erin, Erin, Start.AddHours(3));
        request.Resolve(Erin, "Delivered to desk 4.12", Start.AddHours(4), workNote: "Reimaged; old disk wiped");
        return request;
    }
}
