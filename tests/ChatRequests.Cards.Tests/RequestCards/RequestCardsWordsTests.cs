using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>Kind words: the requester is "you" on their own cards, a rejection's reason is said once, cost centres are not "No charge".</summary>
public class RequestCardsWordsTests
{
    private const string Reason = "Developer laptops need the hardened image first";

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start.AddHours(1)));

    [Theory]
    [InlineData(RequestState.AwaitingRequester, NoticeKind.QuestionAsked, RequestEventType.QuestionAsked)]
    [InlineData(RequestState.Fulfilled, NoticeKind.Resolved, RequestEventType.Resolved)]
    public void RequestersOwnCards_SpeakToThemAsYou(RequestState state, NoticeKind kind, RequestEventType cause)
    {
        var r = InState(state);

        var notice = CardQuery.Text(_cards.Notice(r, kind, r.Outbox.Last(e => e.Type == cause)).Card);
        var list = CardQuery.Text(_cards.RequestList([r], "Your requests", "None.", Requester).Card);
        var details = _cards.RequestDetail(r, Requester);

        foreach (var text in new[] { notice, list, CardQuery.Text(details.Card) })
        {
            Assert.Contains("Now with\nYou\n", text);
            Assert.Contains("Next\nYou need to ", text);
            Assert.DoesNotContain(Requester.Name, text);
        }

        Assert.Contains("Requester\nYou\n", CardQuery.Text(details.Card));
        Assert.Contains(" · You", CardQuery.Text(details.Card));
        Assert.DoesNotContain(Requester.Name, details.FallbackText);
    }

    [Fact]
    public void RequestersOwnCards_SayTheyAnswered()
    {
        var text = CardQuery.Text(_cards.RequestDetail(InState(RequestState.Fulfilled), Requester).Card);

        Assert.Contains("You answered (", text);
        Assert.Contains("Waiting for your answer", CardQuery.Text(_cards.RequestList([InState(RequestState.AwaitingRequester)], "Your requests", "None.", Requester).Card));
    }

    [Fact]
    public void SomeoneElsesView_NamesTheRequester()
    {
        var r = InState(RequestState.AwaitingRequester);

        var queue = CardQuery.Text(_cards.RequestList([r], "Open requests for IT Hardware", "Nothing open.", Agent).Card);
        var details = CardQuery.Text(_cards.RequestDetail(r, Agent).Card);

        Assert.Contains($"Now with\n{Requester.Name}\n", queue);
        Assert.Contains("Waiting for the requester", queue);
        Assert.DoesNotContain("your answer", queue);
        Assert.Contains($"Requester\n{Requester.Name}\n", details);
        Assert.DoesNotContain("You need", details);
    }

    [Fact]
    public void Submitted_SpeaksToTheRequester()
    {
        var r = WithoutApproval();
        r.Assign(Agent, Agent, Start.AddMinutes(5));
        r.AskRequester(Agent, "Which account?", Start.AddMinutes(6));

        Assert.Contains("Next: You need to answer", CardQuery.Text(_cards.Submitted(r).Card));
    }

    [Fact]
    public void RejectionReason_IsSaidOnceOnEveryCardThatShowsIt()
    {
        var r = InState(RequestState.Rejected);

        var cards = new (string Name, CardMessage Card)[]
        {
            ("notice", _cards.Notice(r, NoticeKind.Rejected, r.Outbox.Last(e => e.Type == RequestEventType.Rejected))),
            ("details for the requester", _cards.RequestDetail(r, Requester)),
            ("details for the approver", _cards.RequestDetail(r, SecurityLead)),
            ("team card", _cards.TeamCard(r)),
            ("approval card of the approver", _cards.Approval(r, 1, SecurityLead)),
            ("approval card of another approver", _cards.Approval(r, 1, SecurityGroup[1])),
        };

        foreach (var (name, card) in cards)
        {
            var times = CardQuery.Text(card.Card).Split(Reason).Length - 1;
            Assert.True(times == 1, $"{name} says the reason {times} times");
        }

        Assert.DoesNotContain(Reason, CardQuery.Text(_cards.RequestList([r], "Your requests", "None.", Requester).Card));
    }

    [Fact]
    public void ApprovalComment_IsSaidOnceOnTheDetails()
    {
        var text = CardQuery.Text(_cards.RequestDetail(InState(RequestState.Closed), Requester).Card);

        Assert.Equal(1, text.Split("Fine by me.").Length - 1);
    }

    [Fact]
    public void ItemChargedToACostCentre_NeverSaysNoCharge()
    {
        var licence = new CatalogItem
        {
            Id = "m365-addon",
            Name = "Microsoft 365 add-on",
            Category = "Software",
            Fields =
            [
                new() { Id = "addOn", Label = "Add-on", Type = FieldType.Choice, Required = true, Choices = ["Visio Plan 2"] },
                new() { Id = "costCentre", Label = "Cost centre", Required = true },
            ],
        };
        var r = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000077", "form-77", Requester, licence.Id, licence.Name, licence.Category, licence.CostText, "For the process maps",
                new Dictionary<string, string> { ["addOn"] = "Visio Plan 2", ["costCentre"] = "CC-4200" },
                PriorityMatrix.Assess(Impact.Low, Urgency.Low), "team-sw", "Software", Start.AddHours(16), [new("Manager approval", [Manager])]),
            Start);

        var catalog = _cards.Catalog([licence, PasswordReset], "Software");
        var form = _cards.RequestForm(licence, new FormPrefill("sk", null, null, new Dictionary<string, string>()), null);
        var onRequest = new[] { _cards.Approval(r, 0, Manager), _cards.ApprovalList([r], Manager), _cards.Submitted(r), _cards.TeamCard(r), _cards.RequestDetail(r, Requester) };

        Assert.Contains("Software · Charged to your cost centre · Needs approval", CardQuery.Text(catalog.Card));
        Assert.Contains("Accounts · No charge · No approval", CardQuery.Text(catalog.Card));
        Assert.Contains("Charged to your cost centre", CardQuery.Text(form.Card));
        Assert.DoesNotContain("No charge", CardQuery.Text(form.Card));
        Assert.All(onRequest, card => Assert.Contains("Charged to cost centre CC-4200", CardQuery.Text(card.Card)));
        Assert.All(onRequest, card => Assert.DoesNotContain("No charge", CardQuery.Text(card.Card) + card.FallbackText));
    }

    [Theory]
    [InlineData("costCentre", true)]
    [InlineData("cost_centre", true)]
    [InlineData("CostCenter", true)]
    [InlineData("cost-center", true)]
    [InlineData("costCentreOwner", false)]
    [InlineData("centre", false)]
    public void IsCostCentre_KnowsTheFieldWhateverItsSpelling(string fieldId, bool expected)
    {
        Assert.Equal(expected, CardText.IsCostCentre(fieldId));
    }
}
