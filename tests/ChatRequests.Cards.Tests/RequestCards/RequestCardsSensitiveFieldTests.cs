using System.Text.Json;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;
using static ChatRequests.Cards.Tests.Support.SensitiveRequests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>
/// Sensitive answers on every card that shows answers: read by the requester, the approvers and the assignee; "(masked)"
/// for everyone else, and always in the channel, where everyone reads.
/// </summary>
public class RequestCardsSensitiveFieldTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Theory]
    [MemberData(nameof(Roles), MemberType = typeof(SensitiveRequests))]
    public void Details_ShowTheSensitiveAnswers_OnlyToThoseWhoMayReadThem(string role, bool mayRead)
    {
        var r = Worked();

        var card = _cards.RequestDetail(r, Person(role));

        var json = card.Card.ToJsonString();
        var text = CardQuery.Text(card.Card);
        Assert.Equal(mayRead, json.Contains(EmployeeNumber, StringComparison.Ordinal));
        Assert.Equal(mayRead, json.Contains(CostCentre, StringComparison.Ordinal));
        Assert.Equal(mayRead, json.Contains(EarlierEmployeeNumber, StringComparison.Ordinal)); // the change, in the history
        Assert.Equal(!mayRead, text.Contains("Employee number\n(masked)", StringComparison.Ordinal));
        Assert.Contains("Role in the record\nNurse", text); // what is not sensitive reads as before
        CardAssert.Valid(card);
    }

    [Theory]
    [MemberData(nameof(Roles), MemberType = typeof(SensitiveRequests))]
    public void Details_InAChannel_MaskTheAnswers_WhoeverAsks(string role, bool mayRead)
    {
        _ = mayRead;
        var json = _cards.RequestDetail(Worked(), Person(role), everyoneReads: true).Card.ToJsonString();

        Assert.DoesNotContain(EmployeeNumber, json);
        Assert.DoesNotContain(EarlierEmployeeNumber, json);
        Assert.DoesNotContain(CostCentre, json);
        Assert.Contains(SensitiveFields.Masked, json);
    }

    [Fact]
    public void Details_WhereOthersRead_OfferNoChangeForm_ForItWouldShowTheAnswers()
    {
        var r = Logged();

        Assert.Contains(CardVerbs.RequesterEdit, CardQuery.Verbs(_cards.RequestDetail(r, Requester).Card));
        Assert.DoesNotContain(CardVerbs.RequesterEdit, CardQuery.Verbs(_cards.RequestDetail(r, Requester, everyoneReads: true).Card));
        Assert.Contains(CardVerbs.RequesterEdit, CardQuery.Verbs(_cards.RequestDetail(Logged(sensitive: false), Requester, everyoneReads: true).Card));
    }

    [Theory]
    [InlineData(RequestState.AwaitingApproval)]
    [InlineData(RequestState.InProgress)]
    [InlineData(RequestState.AwaitingRequester)]
    [InlineData(RequestState.Fulfilled)]
    public void TeamCard_InTheChannel_NeverHoldsASensitiveValue_NotEvenInWhatPeopleTyped(RequestState state)
    {
        var r = state == RequestState.AwaitingApproval ? Logged() : Worked();
        var number = r.Fields["employeeNumber"];
        if (state is RequestState.AwaitingRequester or RequestState.Fulfilled)
        {
            r.AskRequester(Assignee, $"Is {number} right?", Start.AddHours(1));
            r.Answer(Requester, $"Yes, {number}.", Start.AddHours(2));
        }

        if (state == RequestState.Fulfilled)
        {
            r.Resolve(Assignee, $"Account made for {number}, charged to {CostCentre}", Start.AddHours(3));
        }

        var cards = new[]
        {
            _cards.TeamCard(r, [Member, Lead]),
            _cards.Reannounced(r, "Still unassigned", [Member]),
            _cards.AnswerReply(r, $"Yes, {number}."),
        };

        foreach (var json in cards.Select(c => JsonSerializer.Serialize(c)))
        {
            Assert.DoesNotContain(EmployeeNumber, json);
            Assert.DoesNotContain(EarlierEmployeeNumber, json);
            Assert.DoesNotContain(CostCentre, json);
        }

        Assert.Contains("Employee number\n(masked)", CardQuery.Text(cards[0].Card));
    }

    [Fact]
    public void AssignedToYou_ShowsTheAnswers_ToTheAssignee_NotToAFormerOne()
    {
        var r = Worked();

        var mine = _cards.AssignedToYou(r, FormerAssignee, [Member], reader: Assignee).Card.ToJsonString();
        var former = _cards.AssignedToYou(r, FormerAssignee, [Member], reader: FormerAssignee).Card.ToJsonString();
        var nobodySaid = _cards.AssignedToYou(r, FormerAssignee, [Member]).Card.ToJsonString();

        Assert.Contains(EmployeeNumber, mine);
        Assert.Contains(CostCentre, mine);
        Assert.DoesNotContain(EmployeeNumber, former);
        Assert.DoesNotContain(EmployeeNumber, nobodySaid);
    }

    [Fact]
    public void ApprovalCards_ShowTheAnswersAndTheChange_ToTheApprovers()
    {
        var r = Logged();
        r.Edit(Requester, new RequestChange("edit-1", r.Justification, new Dictionary<string, string>(r.Fields) { ["employeeNumber"] = EmployeeNumber }), [], null, Start.AddMinutes(5));

        var approval = CardQuery.Text(_cards.Approval(r, 0, DelegateApprover).Card);
        var reminder = CardQuery.Text(_cards.ApprovalReminder(r, 0, DelegateApprover, Start.AddDays(1)).Card);
        var list = JsonSerializer.Serialize(_cards.ApprovalList([r], DelegateApprover));

        Assert.Contains($"Employee number {EarlierEmployeeNumber} → {EmployeeNumber}", approval);
        Assert.Contains($"Employee number\n{EmployeeNumber}", approval);
        Assert.Contains($"Charged to cost centre {CostCentre}", approval);
        Assert.Contains($"Charged to cost centre {CostCentre}", reminder);
        Assert.Contains(CostCentre, list);
    }

    [Fact]
    public void ApprovalCard_ForSomeoneWhoIsNoApprover_MasksTheAnswersAndTheChange()
    {
        var r = Logged();
        r.Edit(Requester, new RequestChange("edit-1", r.Justification, new Dictionary<string, string>(r.Fields) { ["employeeNumber"] = EmployeeNumber }), [], null, Start.AddMinutes(5));

        var json = _cards.Approval(r, 0, Stranger).Card.ToJsonString();

        Assert.DoesNotContain(EmployeeNumber, json);
        Assert.DoesNotContain(EarlierEmployeeNumber, json);
        Assert.DoesNotContain(CostCentre, json);
        Assert.Contains("Employee number: (masked)", CardQuery.Text(_cards.Approval(r, 0, Stranger).Card));
    }

    [Fact]
    public void ListsAndTheDigest_ShowNoAnswersAtAll()
    {
        var r = Worked();

        var cards = new[]
        {
            _cards.RequestList([r], "Open requests for Clinical Systems", "Nothing open.", Member),
            _cards.RequestList([r], "Your requests", "None.", Requester),
            _cards.Digest(Assignee, new DateOnly(2026, 3, 3), new AgentDigest([r], [], TimeZoneInfo.Utc)),
        };

        Assert.All(cards.Select(c => JsonSerializer.Serialize(c)), json =>
        {
            Assert.DoesNotContain(EmployeeNumber, json);
            Assert.DoesNotContain(CostCentre, json);
        });
    }

    [Fact]
    public void ARequestStoredBeforeSensitivityWasKept_ReadsAsBefore()
    {
        var document = JsonSerializer.SerializeToNode(Logged())!.AsObject();
        foreach (var label in document[nameof(ServiceRequest.FieldLabels)]!.AsArray())
        {
            label!.AsObject().Remove("Sensitive");
        }

        var old = document.Deserialize<ServiceRequest>()!;

        Assert.Contains(EarlierEmployeeNumber, _cards.TeamCard(old).Card.ToJsonString());
    }

    [Fact]
    public void SensitivityIsWrittenOnlyWhereItIs_SoOlderDocumentsSaveBackUnchanged()
    {
        var json = JsonSerializer.Serialize(Logged(sensitive: false));

        Assert.DoesNotContain("Sensitive", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Sensitive\":true", JsonSerializer.Serialize(Logged()));
    }
}
