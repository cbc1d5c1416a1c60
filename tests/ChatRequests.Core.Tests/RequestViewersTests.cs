using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests;

public class RequestViewersTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Manager = new("u-mark", "Mark Manager");
    private static readonly PersonRef Security1 = new("u-sam", "Sam Security");
    private static readonly PersonRef Security2 = new("u-sue", "Sue Security");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private const string Lead = "u-lena";
    private const string OtherAgent = "u-otto";
    private const string Stranger = "u-nobody";

    private static readonly Team Hardware = new()
    {
        Id = "team-hardware", Name = "Hardware Service", ChannelId = "19:hw", MemberIds = [Agent.Id], LeadId = Lead,
    };

    private static readonly Team Identity = new()
    {
        Id = "team-identity", Name = "Identity & Access", ChannelId = "19:id", MemberIds = [OtherAgent], LeadId = "u-ivo",
    };

    /// <summary>Every state a request with a manager stage then a security stage can be in, reached through the domain.</summary>
    public static TheoryData<string> Moments() =>
    [
        "manager to decide", "rejected by the manager", "cancelled before the manager decided", "security to decide",
        "rejected by security", "approved", "assigned", "in progress", "waiting for the requester", "fulfilled", "closed",
        "reopened", "cancelled while worked",
    ];

    [Theory]
    [MemberData(nameof(Moments))]
    public void RequesterTeamAndLead_MayViewAtEveryMoment(string moment)
    {
        var request = At(moment);

        Assert.True(RequestViewers.MayView(request, Requester.Id, Hardware));
        Assert.True(RequestViewers.MayView(request, Agent.Id, Hardware));
        Assert.True(RequestViewers.MayView(request, Lead, Hardware));
        Assert.True(RequestViewers.MayView(request, Manager.Id, Hardware));
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public void StrangersAndOtherTeams_MayNeverView(string moment)
    {
        var request = At(moment);

        Assert.False(RequestViewers.MayView(request, Stranger, Hardware));
        Assert.False(RequestViewers.MayView(request, OtherAgent, Hardware));
        Assert.False(RequestViewers.MayView(request, Identity.LeadId!, Hardware));
        // The directory's team must be the request's own: another team's members gain nothing from it.
        Assert.False(RequestViewers.MayView(request, OtherAgent, Identity));
        Assert.False(RequestViewers.MayView(request, Agent.Id, owningTeam: null));
    }

    [Theory]
    [InlineData("manager to decide", false)]
    [InlineData("rejected by the manager", false)]
    [InlineData("cancelled before the manager decided", false)]
    [InlineData("security to decide", true)]
    [InlineData("rejected by security", true)]
    [InlineData("approved", true)]
    [InlineData("closed", true)]
    public void LaterStageApprovers_MayViewOnceTheirStageWasPutToThem_DecidedByThemOrAColleague(string moment, bool mayView)
    {
        var request = At(moment);

        Assert.Equal(mayView, RequestViewers.MayView(request, Security1.Id, owningTeam: null));
        Assert.Equal(mayView, RequestViewers.MayView(request, Security2.Id, owningTeam: null));
    }

    private static ServiceRequest At(string moment)
    {
        var r = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "submission-1", Requester, "laptop-standard", "Standard laptop", "Hardware", "1,450.00 EUR",
                "My laptop is five years old.", new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                Hardware.Id, Hardware.Name, Start.AddHours(40),
                [new ApprovalStage("Manager", [Manager]), new ApprovalStage("IT Security", [Security1, Security2])]),
            Start);
        var at = Start;
        switch (moment)
        {
            case "manager to decide":
                return r;
            case "rejected by the manager":
                r.Decide(Manager, approve: false, "No", 0, at);
                return r;
            case "cancelled before the manager decided":
                r.Cancel(Requester, null, at);
                return r;
        }

        r.Decide(Manager, approve: true, null, 0, at = at.AddMinutes(1));
        if (moment == "security to decide")
        {
            return r;
        }

        if (moment == "rejected by security")
        {
            r.Decide(Security1, approve: false, "No", 1, at.AddMinutes(1));
            return r;
        }

        r.Decide(Security1, approve: true, null, 1, at = at.AddMinutes(1));
        var steps = new Action<DateTimeOffset>[]
        {
            t => r.Assign(Agent, Agent, t),
            t => r.SetStatus(Agent, RequestState.InProgress, null, t),
            t => r.AskRequester(Agent, "Which office?", t),
            t => r.Resolve(Agent, "Delivered", t),
            t => r.Reopen(Requester, "Wrong one", t),
        };
        var stepsTo = moment switch
        {
            "approved" => 0,
            "assigned" => 1,
            "in progress" or "cancelled while worked" => 2,
            "waiting for the requester" => 3,
            "fulfilled" or "closed" => 4,
            "reopened" => 5,
            _ => throw new ArgumentOutOfRangeException(nameof(moment), moment, null),
        };
        foreach (var step in steps.Take(stepsTo))
        {
            step(at = at.AddMinutes(1));
        }

        if (moment == "closed")
        {
            r.Confirm(Requester, 5, null, at.AddMinutes(1));
        }
        else if (moment == "cancelled while worked")
        {
            r.Cancel(Requester, null, at.AddMinutes(1));
        }

        return r;
    }
}
