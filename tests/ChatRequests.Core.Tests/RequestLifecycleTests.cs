using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests;

/// <summary>The questions "is it final / open / unresolved / in fulfilment", answered for every state.</summary>
public class RequestLifecycleTests
{
    // State: final, open, unresolved, in fulfilment.
    private static readonly Dictionary<RequestState, (bool Final, bool Open, bool Unresolved, bool InFulfilment)> Expected = new()
    {
        [RequestState.Submitted] = (false, true, true, false),
        [RequestState.AwaitingApproval] = (false, true, true, false),
        [RequestState.Approved] = (false, true, true, true),
        [RequestState.Rejected] = (true, false, false, false),
        [RequestState.Assigned] = (false, true, true, true),
        [RequestState.InProgress] = (false, true, true, true),
        [RequestState.AwaitingParts] = (false, true, true, true),
        [RequestState.Scheduled] = (false, true, true, true),
        [RequestState.AwaitingRequester] = (false, true, true, true),
        [RequestState.Fulfilled] = (false, true, false, false),
        [RequestState.Closed] = (true, false, false, false),
        [RequestState.Cancelled] = (true, false, false, false),
        [RequestState.Reopened] = (false, true, true, true),
        [RequestState.OutForDelivery] = (false, true, true, true),
        [RequestState.InReview] = (false, true, true, true),
    };

    public static TheoryData<RequestState> States => [.. Enum.GetValues<RequestState>()];

    [Theory]
    [MemberData(nameof(States))]
    public void EveryState_AnswersEachQuestionAsTheTableSays(RequestState state)
    {
        Assert.True(Expected.TryGetValue(state, out var expected), $"{state} is not in the table");

        Assert.Equal(expected, (state.IsFinal(), state.IsOpen(), state.IsUnresolved(), state.IsInFulfilment()));
    }

    [Theory]
    [MemberData(nameof(States))]
    public void FinalStates_AllowNoCommand_AndOpenOnesAllowOne(RequestState state)
    {
        var anyCommand = Enum.GetValues<RequestCommand>().Any(c => RequestTransitions.IsAllowed(state, c));

        // Closed allows Reopen alone, for a request the system closed and only for a while (the domain checks both).
        Assert.Equal(state.IsOpen() || state == RequestState.Closed, anyCommand);
    }
}
