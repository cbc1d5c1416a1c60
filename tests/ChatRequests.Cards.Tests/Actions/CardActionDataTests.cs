using System.Text.Json.Nodes;
using ChatRequests.Cards.Actions;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Tests.Actions;

public class CardActionDataTests
{
    [Fact]
    public void EveryVerb_HasARecordOfItsOwn_OnlyApproveAndRejectKeepAndRemoveRetryAndDismissShareOne()
    {
        var types = CardVerbs.All.ToDictionary(verb => verb, verb => CardActionData.Parse(verb, Complete()).GetType());

        Assert.Equal(types[CardVerbs.ApprovalApprove], types[CardVerbs.ApprovalReject]);
        Assert.Equal(types[CardVerbs.AccessKeep], types[CardVerbs.AccessRemove]);
        Assert.Equal(types[CardVerbs.ParkedRetry], types[CardVerbs.ParkedDismiss]);
        Assert.Equal(CardVerbs.All.Count - 3, types.Values.Distinct().Count());
    }

    [Fact]
    public void Parse_ReadsIdsAndInputs_UnderTheKeysOfCardInputs()
    {
        var data = new JsonObject
        {
            [CardInputs.RequestId] = "REQ-000042",
            [CardInputs.Stage] = 1,
            [CardInputs.Source] = CardInputs.FromApprovalList,
            [CardInputs.Comment] = "Fine",
        };

        Assert.Equal(new ApprovalDecisionData("REQ-000042", 1, false, "Fine", FromList: true), CardActionData.Parse(CardVerbs.ApprovalReject, data));
        Assert.Equal(new SetStatusData("REQ-000042", RequestState.AwaitingParts, null),
            CardActionData.Parse(CardVerbs.AgentStatus, new JsonObject { [CardInputs.RequestId] = "REQ-000042", [CardInputs.Status] = "awaitingparts", [CardInputs.Note] = " " }));
        Assert.Equal(new ConfirmData("REQ-000042", null, "Thanks"),
            CardActionData.Parse(CardVerbs.RequesterConfirm, new JsonObject { [CardInputs.RequestId] = "REQ-000042", [CardInputs.Rating] = "five", [CardInputs.Feedback] = "Thanks" }));
    }

    [Fact]
    public void Parse_SubmitForm_KeepsEveryFieldInputByItsFieldId()
    {
        var form = (SubmitFormData)CardActionData.Parse(CardVerbs.IntakeSubmit, new JsonObject
        {
            [CardInputs.ItemId] = "laptop-standard",
            [CardInputs.SubmissionKey] = "key-1",
            [CardInputs.Urgency] = "High",
            [CardInputs.Field("costCentre")] = "CC-1234",
            [CardInputs.Field("seats")] = 3,
            [CardInputs.Field("note")] = "",
        });

        Assert.Equal(("laptop-standard", "key-1", (string?)null, "High"), (form.ItemId, form.SubmissionKey, form.Justification, form.Urgency));
        Assert.Equal(new Dictionary<string, string?> { ["costCentre"] = "CC-1234", ["seats"] = "3", ["note"] = null }, form.Fields);
    }

    [Theory]
    [InlineData("approval.approve", """{"stage":0}""", "The card did not send 'requestId'.", null)]
    [InlineData("approval.approve", """{"requestId":"REQ-000001"}""", "The card did not send 'stage'.", "REQ-000001")]
    [InlineData("approval.approve", """{"requestId":"REQ-000001","stage":"first"}""", "The card sent 'stage' that is not a number.", "REQ-000001")]
    [InlineData("approval.approve", """{"requestId":"REQ-000001","stage":{"x":1}}""", "The card sent 'stage' in a form I don't understand.", "REQ-000001")]
    [InlineData("approval.approve", """{"requestId":"REQ-000001","stage":0,"source":["list"]}""", "The card sent 'source' in a form I don't understand.", "REQ-000001")]
    [InlineData("approval.reject", """{"requestId":"REQ-000001","stage":0,"comment":true}""", "The card sent 'comment' in a form I don't understand.", "REQ-000001")]
    [InlineData("agent.assign", """{"requestId":[1,2]}""", "The card sent 'requestId' in a form I don't understand.", null)]
    [InlineData("agent.assign", """{"requestId":"   "}""", "The card did not send 'requestId'.", null)]
    [InlineData("agent.status", """{"requestId":"not-a-number","status":{}}""", "The card sent 'status' in a form I don't understand.", null)]
    [InlineData("intake.submit", """{"itemId":"mouse","field.x":[1]}""", "The card did not send 'submissionKey'.", null)]
    [InlineData("no.such.verb", """{"requestId":"REQ-000007"}""", "I don't know that action.", "REQ-000007")]
    public void Parse_MissingOrMistypedData_IsRefused_NamingOnlyAWellFormedRequest(string verb, string data, string message, string? requestId)
    {
        var problem = Assert.Throws<InvalidCardDataException>(() => CardActionData.Parse(verb, JsonNode.Parse(data)!.AsObject()));

        Assert.Equal((message, requestId), (problem.Message, problem.RequestId));
    }

    [Fact]
    public void Parse_NoDataAtAll_IsRefused()
    {
        Assert.Throws<InvalidCardDataException>(() => CardActionData.Parse(CardVerbs.RequestsShow, null));
    }

    [Fact]
    public void Parse_TellsTheIdsAVerbTakes_InputsAreNotAmongThem()
    {
        CardActionData.Parse(CardVerbs.ApprovalApprove, Complete(), out var approval);
        CardActionData.Parse(CardVerbs.IntakeSubmit, Complete(), out var submit);

        Assert.Equal(new[] { CardInputs.RequestId, CardInputs.Stage, CardInputs.Source }.Order(), approval.Order());
        Assert.Equal(new[] { CardInputs.ItemId, CardInputs.SubmissionKey }.Order(), submit.Order());
    }

    // Every id any verb takes, well formed.
    [Fact]
    public void Parse_Pick_ReadsTheKeptWordsUrgencyAndNamedValues_WordsCutAtTheJustificationMaximum()
    {
        var pick = (PickItemData)CardActionData.Parse(CardVerbs.IntakePick, new JsonObject
        {
            [CardInputs.ItemId] = "monitor",
            [CardInputs.Words] = new string('w', 5000),
            [CardInputs.Urgency] = "High",
            ["field.size"] = "27 inch",
            ["field.blank"] = " ",
        });

        Assert.Equal("monitor", pick.ItemId);
        Assert.Equal(2000, pick.Words!.Length);
        Assert.Equal("High", pick.Urgency);
        Assert.Equal(new Dictionary<string, string> { ["size"] = "27 inch" }, pick.Fields);
    }

    [Fact]
    public void Parse_Pick_FromABrowseList_HasNoWords()
    {
        var pick = (PickItemData)CardActionData.Parse(CardVerbs.IntakePick, new JsonObject { [CardInputs.ItemId] = "monitor" });

        Assert.Null(pick.Words);
        Assert.Null(pick.Urgency);
        Assert.Empty(pick.Fields);
    }

    [Theory]
    [InlineData(CardVerbs.IntakeIsRequest)]
    [InlineData(CardVerbs.IntakeNotAnswer)]
    public void Parse_WordsVerb_WithoutWords_IsRefused(string verb) =>
        Assert.Throws<InvalidCardDataException>(() => CardActionData.Parse(verb, new JsonObject()));

    private static JsonObject Complete() => new()
    {
        [CardInputs.ItemId] = "mouse",
        [CardInputs.Category] = "Hardware",
        [CardInputs.SubmissionKey] = "key-1",
        [CardInputs.RequestId] = "REQ-000001",
        [CardInputs.Stage] = "0",
        [CardInputs.Words] = "my screen flickers",
        [CardInputs.PersonId] = "u-grace",
        [CardInputs.Until] = "2026-12-31",
        [CardInputs.ReviewId] = "2026-10:u-alex",
        [CardInputs.Line] = "0",
        [CardInputs.Page] = "0",
        [CardInputs.PrivacyKind] = "erase",
        [CardInputs.ParkId] = "park-1",
        [CardInputs.List] = "queue",
        [CardInputs.AfterAt] = "2026-12-01T09:00:00Z",
        [CardInputs.AfterId] = "REQ-000001",
        [CardInputs.Before] = "20",
    };
}
