using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests;

public class RequestTransitionsTests
{
    // The process as the business describes it, written here on purpose rather than read from the code:
    // a change to the implementation's table must be matched by a change to this one.
    private const string ExpectedTable = """
        RequestApproval -> AwaitingApproval  : Submitted
        SkipApproval    -> Approved          : Submitted
        ApproveStage    -> AwaitingApproval  : AwaitingApproval
        ApprovePart     -> AwaitingApproval  : AwaitingApproval
        Approve         -> Approved          : AwaitingApproval
        Reject          -> Rejected          : AwaitingApproval
        Assign          -> Assigned          : Approved Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery
        StartWork       -> InProgress        : Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        AwaitParts      -> AwaitingParts     : Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        Schedule        -> Scheduled         : Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        AskRequester    -> AwaitingRequester : Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery
        Answer          -> InProgress        : AwaitingRequester
        Resolve         -> Fulfilled         : Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        Confirm         -> Closed            : Fulfilled
        Reopen          -> Reopened          : Fulfilled Closed
        Cancel          -> Cancelled         : Submitted AwaitingApproval Approved Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        CompleteProvisioning -> Fulfilled    : Approved Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery
        OfferAlternatives -> AwaitingParts   : Approved Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        ChangeItem      -> InProgress        : AwaitingParts
        RequestReapproval -> AwaitingApproval : AwaitingApproval Approved AwaitingParts
        SendForDelivery -> OutForDelivery    : Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        AcknowledgeReceipt -> Fulfilled      : OutForDelivery
        SubmitForReview -> InReview          : Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery AwaitingRequester
        PassReview      -> Fulfilled         : InReview
        FailReview      -> InProgress        : InReview
        AutoClose       -> Closed            : Fulfilled
        ReleaseForDelivery -> OutForDelivery : InReview
        SubmitProvisioningForReview -> InReview : Approved Reopened Assigned InProgress AwaitingParts Scheduled OutForDelivery
        """;

    private static readonly Dictionary<RequestCommand, (RequestState To, HashSet<RequestState> From)> Expected = Parse(ExpectedTable);

    public static TheoryData<RequestState, RequestCommand> EveryStateAndCommand()
    {
        var data = new TheoryData<RequestState, RequestCommand>();
        foreach (var state in Enum.GetValues<RequestState>())
        {
            foreach (var command in Enum.GetValues<RequestCommand>())
            {
                data.Add(state, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndCommand))]
    public void IsAllowed_MatchesTheExpectedTable(RequestState from, RequestCommand command)
    {
        var expected = Expected[command].From.Contains(from);

        var allowed = RequestTransitions.IsAllowed(from, command);

        Assert.Equal(expected, allowed);
    }

    [Theory]
    [MemberData(nameof(EveryStateAndCommand))]
    public void Next_LeadsToTheExpectedStateOrThrowsNamingBoth(RequestState from, RequestCommand command)
    {
        var (to, allowedFrom) = Expected[command];

        if (allowedFrom.Contains(from))
        {
            Assert.Equal(to, RequestTransitions.Next(from, command));
        }
        else
        {
            var error = Assert.Throws<RequestTransitionException>(() => RequestTransitions.Next(from, command));
            Assert.Equal(from, error.From);
            Assert.Equal(command, error.Command);
            Assert.Contains(from.ToDisplay().ToLowerInvariant(), error.Message);
        }
    }

    [Fact]
    public void ExpectedTable_CoversEveryCommand()
    {
        Assert.Equal(Enum.GetValues<RequestCommand>().Order(), Expected.Keys.Order());
    }

    [Theory]
    [InlineData(RequestState.Rejected)]
    [InlineData(RequestState.Cancelled)]
    public void FinalStates_AllowNoCommand(RequestState state)
    {
        Assert.True(state.IsFinal());
        Assert.DoesNotContain(Enum.GetValues<RequestCommand>(), c => RequestTransitions.IsAllowed(state, c));
    }

    // A request the system closed may be reopened for a while (the domain checks that it was the system, and the window).
    [Fact]
    public void Closed_IsFinal_AndAllowsNothingButReopen()
    {
        Assert.True(RequestState.Closed.IsFinal());
        Assert.Equal([RequestCommand.Reopen], Enum.GetValues<RequestCommand>().Where(c => RequestTransitions.IsAllowed(RequestState.Closed, c)));
    }

    private static Dictionary<RequestCommand, (RequestState, HashSet<RequestState>)> Parse(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToDictionary(
            line => Enum.Parse<RequestCommand>(line.Split("->")[0].Trim()),
            line =>
            {
                var rest = line.Split("->")[1].Split(':');
                var from = rest[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RequestState>);
                return (Enum.Parse<RequestState>(rest[0].Trim()), from.ToHashSet());
            });
}
