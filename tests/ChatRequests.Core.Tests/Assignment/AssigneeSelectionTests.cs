using ChatRequests.Core.Assignment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests.Assignment;

public sealed class AssigneeSelectionTests
{
    private static readonly PersonRef Ann = new("ann", "Ann Agent");
    private static readonly PersonRef Ben = new("ben", "Ben Agent");
    private static readonly PersonRef Cai = new("cai", "Cai Agent");
    private const string Requester = "rita";

    [Theory]
    [InlineData(null, "ann")]
    [InlineData("ann", "ben")]
    [InlineData("ben", "cai")]
    [InlineData("cai", "ann")]
    [InlineData("someone-who-left", "ann")]
    public void RoundRobin_TakesTheMemberAfterTheLastTurn(string? lastTurn, string expected)
    {
        var choice = AssigneeSelection.Select(AssignmentMode.RoundRobin, [Free(Ann), Free(Ben), Free(Cai)], lastTurn, Requester);

        Assert.Equal(expected, choice.Assignee?.Id);
        Assert.Equal("round robin", choice.Why);
    }

    [Fact]
    public void RoundRobin_PassesOverWhoIsUnavailable_AndTheRequester()
    {
        var members = new[] { Free(Ann), new Candidate(Ben, "is away", 0), Free(Cai) };

        Assert.Equal("cai", AssigneeSelection.Select(AssignmentMode.RoundRobin, members, "ann", Requester).Assignee?.Id);
        Assert.Equal("ann", AssigneeSelection.Select(AssignmentMode.RoundRobin, members, "ann", requesterId: "cai").Assignee?.Id);
    }

    [Fact]
    public void LeastLoaded_TakesTheMemberWithFewestOpen_AndSaysHowMany()
    {
        var choice = AssigneeSelection.Select(
            AssignmentMode.LeastLoaded, [new Candidate(Ann, null, 3), new Candidate(Ben, null, 2), new Candidate(Cai, null, 4)], null, Requester);

        Assert.Equal(Ben, choice.Assignee);
        Assert.Equal("least loaded: 2 open", choice.Why);
    }

    [Theory]
    [InlineData(null, "ann")]
    [InlineData("ann", "cai")]
    [InlineData("cai", "ann")]
    public void LeastLoaded_Tie_GoesRoundRobinAmongTheTied(string? lastTurn, string expected)
    {
        var members = new[] { new Candidate(Ann, null, 1), new Candidate(Ben, null, 5), new Candidate(Cai, null, 1) };

        Assert.Equal(expected, AssigneeSelection.Select(AssignmentMode.LeastLoaded, members, lastTurn, Requester).Assignee?.Id);
    }

    [Fact]
    public void LeastLoaded_UnavailableMemberWithNothingOpen_IsPassedOver()
    {
        var members = new[] { new Candidate(Ann, "marked themselves unavailable", 0), new Candidate(Ben, null, 4) };

        Assert.Equal(Ben, AssigneeSelection.Select(AssignmentMode.LeastLoaded, members, null, Requester).Assignee);
    }

    [Fact]
    public void NobodyAvailable_NobodyChosen_AndTheReasonNamesEach()
    {
        var members = new[] { new Candidate(Ann, "is away", 0), new Candidate(Ben, "marked themselves unavailable", 0), Free(Cai) };

        var choice = AssigneeSelection.Select(AssignmentMode.LeastLoaded, members, null, requesterId: "cai");

        Assert.Null(choice.Assignee);
        Assert.Equal("Ann Agent is away, Ben Agent marked themselves unavailable, Cai Agent raised it", choice.Why);
    }

    [Fact]
    public void TeamWithoutMembers_NobodyChosen()
    {
        var choice = AssigneeSelection.Select(AssignmentMode.RoundRobin, [], null, Requester);

        Assert.Null(choice.Assignee);
        Assert.Equal("the team has no members", choice.Why);
    }

    private static Candidate Free(PersonRef person) => new(person, null, 0);
}
