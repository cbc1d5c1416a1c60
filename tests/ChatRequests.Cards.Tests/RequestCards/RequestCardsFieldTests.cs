using System.Text.Json;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>A field reads the same on the form, the approval card, the team card and the details, and shows what is stored.</summary>
public class RequestCardsFieldTests
{
    // As samples/catalog.json has it: the ids are not the words people read.
    private const string Path = @"\\fs01\finance\reports";
    private const string Hint = @"Enter the folder as a network path, for example \\fs01\finance\reports.";

    private static readonly CatalogItem SharedFolder = new()
    {
        Id = "shared-folder-access",
        Name = "Shared folder access",
        Category = "Access",
        Approval = ApprovalPolicy.Manager,
        Fields =
        [
            new() { Id = "system", Label = "File share", Type = FieldType.Choice, Required = true, Choices = ["Finance share", "HR share"] },
            new() { Id = "sharePath", Label = "Folder path", Required = true, Placeholder = Path, Pattern = @"\\\\[A-Za-z0-9._-]+\\[^<>:""|?*]+", PatternHint = Hint },
            new() { Id = "role", Label = "Permission", Type = FieldType.Choice, Required = true, Choices = ["Read", "Read/Write"] },
        ],
    };

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Fact]
    public void EveryCard_LabelsTheFieldsAsTheFormDoesInCatalogOrder()
    {
        var r = Logged(withLabels: true);

        var form = _cards.RequestForm(SharedFolder, new FormPrefill("sk", null, null, new Dictionary<string, string>()), null).Card;
        Assert.Equal(["File share", "Folder path", "Permission"], SharedFolder.Fields.Select(f => (string?)CardQuery.Input(form, CardInputs.Field(f.Id))["label"]));
        foreach (var (name, card) in new[] { ("approval", _cards.Approval(r, 0, Manager).Card), ("team", _cards.TeamCard(r).Card), ("details", _cards.RequestDetail(r, Agent).Card) })
        {
            var text = CardQuery.Text(card);
            Assert.True(
                text.Contains("File share\nFinance share\nFolder path\n" + Path + "\nPermission\nRead\n", StringComparison.Ordinal),
                $"{name} card:\n{text}");
            Assert.DoesNotContain("Share path", text);
            Assert.DoesNotContain("System\n", text);
            Assert.DoesNotContain("Role\n", text);
        }
    }

    [Fact]
    public void RequestStoredBeforeLabelsWereKept_NamesItsFieldsAfterTheirIds()
    {
        var document = JsonSerializer.SerializeToNode(Logged(withLabels: true))!.AsObject();
        document.Remove(nameof(ServiceRequest.FieldLabels));
        var old = document.Deserialize<ServiceRequest>()!;

        var text = CardQuery.Text(_cards.TeamCard(old).Card);

        Assert.Empty(old.FieldLabels);
        Assert.Contains("Share path\n" + Path, text);
        Assert.Contains("System\nFinance share", text);
        Assert.Contains("Role\nRead", text);
    }

    [Fact]
    public void FieldTheRequestKeptNoLabelFor_ComesAfterTheLabelledOnes()
    {
        var r = Logged(withLabels: true, extra: ("legacyTicket", "INC-42"));

        var text = CardQuery.Text(_cards.RequestDetail(r, Agent).Card);

        Assert.Contains("Permission\nRead\nLegacy ticket\nINC-42", text);
    }

    [Fact]
    public void PatternHint_ShowsExactlyWhatCanBeTyped_AndTheValueAsStored()
    {
        var form = _cards.RequestForm(SharedFolder, new FormPrefill("sk", null, null, new Dictionary<string, string>()), null).Card;
        var approval = _cards.Approval(Logged(withLabels: true), 0, Manager).Card;

        var hint = CardQuery.Objects(form).Single(o => CardQuery.ElementText(o) == Hint);
        Assert.Equal("RichTextBlock", (string?)hint["type"]);
        Assert.Equal(Path, (string?)CardQuery.Input(form, CardInputs.Field("sharePath"))["placeholder"]);
        Assert.Matches("^" + SharedFolder.Fields[1].Pattern + "$", Path);
        Assert.Contains(CardQuery.Objects(approval), o => (string?)o["type"] == "TextRun" && (string?)o["text"] == Path);
    }

    private static ServiceRequest Logged(bool withLabels, (string Id, string Value)? extra = null)
    {
        var fields = new Dictionary<string, string> { ["role"] = "Read", ["sharePath"] = Path, ["system"] = "Finance share" };
        if (extra is { } more)
        {
            fields[more.Id] = more.Value;
        }

        return ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000321", "form-321", Requester, SharedFolder.Id, SharedFolder.Name, SharedFolder.Category, null, "Month-end close",
                fields, PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-access", "Access Team", Start.AddHours(16),
                [new ApprovalStage("Manager approval", [Manager])],
                FieldLabels: withLabels ? [.. SharedFolder.Fields.Select(f => new FieldLabel(f.Id, f.Label))] : null),
            Start);
    }
}
