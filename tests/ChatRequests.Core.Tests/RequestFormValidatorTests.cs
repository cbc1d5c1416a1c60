using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Core.Tests;

public class RequestFormValidatorTests
{
    private static readonly CatalogItem Item = new()
    {
        Id = "test-item",
        Name = "Test item",
        Category = "Hardware",
        Fields =
        [
            new CatalogField { Id = "costCentre", Label = "Cost centre", Required = true, MaxLength = 7, Pattern = "CC-[0-9]{4}", PatternHint = "Use CC-1234." },
            new CatalogField { Id = "office", Label = "Office", Type = FieldType.Choice, Required = true, Choices = ["Berlin office", "London office"] },
            new CatalogField { Id = "count", Label = "Count", Type = FieldType.Number },
            new CatalogField { Id = "until", Label = "Until", Type = FieldType.Date },
            new CatalogField { Id = "notes", Label = "Notes", Type = FieldType.MultilineText, MaxLength = 10 },
        ],
    };

    [Fact]
    public void Validate_AcceptsACompleteForm()
    {
        var errors = RequestFormValidator.Validate(Item, Form());

        Assert.False(errors.Any);
    }

    [Fact]
    public void Validate_AcceptsMissingOptionalFieldsAndIgnoresUnknownOnes()
    {
        var form = Form() with
        {
            Fields = new Dictionary<string, string?> { ["costCentre"] = "CC-1234", ["office"] = "London office", ["hacker"] = "<script>" },
        };

        Assert.False(RequestFormValidator.Validate(Item, form).Any);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abcd")]
    [InlineData("  ab  ")]
    public void Validate_RejectsAMissingOrTooShortJustification(string? justification)
    {
        var errors = RequestFormValidator.Validate(Item, Form() with { Justification = justification });

        Assert.Contains("at least 5 characters", errors.ByInput["justification"]);
    }

    [Fact]
    public void Validate_RejectsATooLongJustification()
    {
        var errors = RequestFormValidator.Validate(Item, Form() with { Justification = new string('x', RequestFormValidator.JustificationMaxLength + 1) });

        Assert.Contains("under 2000 characters", errors.ByInput["justification"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("urgent")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("High, Low")]
    [InlineData("High,Medium")]
    public void Validate_RejectsAnUrgencyThatIsNotAName(string? urgency)
    {
        var errors = RequestFormValidator.Validate(Item, Form() with { Urgency = urgency });

        Assert.Equal("Choose how urgent it is: high, medium or low.", errors.ByInput["urgency"]);
    }

    [Theory]
    [InlineData("high", Urgency.High)]
    [InlineData(" Medium ", Urgency.Medium)]
    [InlineData("LOW", Urgency.Low)]
    public void ParseUrgency_AcceptsNamesInAnyCase(string value, Urgency expected)
    {
        Assert.Equal(expected, RequestFormValidator.ParseUrgency(value));
    }

    [Fact]
    public void Validate_RequiresRequiredFields()
    {
        var form = Form() with { Fields = new Dictionary<string, string?> { ["costCentre"] = "  " } };

        var errors = RequestFormValidator.Validate(Item, form);

        Assert.Equal("Cost centre is required.", errors.ByInput["costCentre"]);
        Assert.Equal("Office is required.", errors.ByInput["office"]);
    }

    [Theory]
    [InlineData("costCentre", "cc-1234", "Use CC-1234.")]
    [InlineData("costCentre", "CC-12345", "Cost centre must be at most 7 characters.")]
    [InlineData("costCentre", "CC-12a4", "Use CC-1234.")]
    [InlineData("office", "Paris office", "Choose one of: Berlin office, London office.")]
    [InlineData("count", "three", "Count must be a number.")]
    [InlineData("until", "01/12/2026", "Until must be a date (YYYY-MM-DD).")]
    [InlineData("until", "2026-02-30", "Until must be a date (YYYY-MM-DD).")]
    [InlineData("notes", "more than ten", "Notes must be at most 10 characters.")]
    public void Validate_ExplainsWhatIsWrongWithAField(string fieldId, string value, string expected)
    {
        var fields = new Dictionary<string, string?>(Form().Fields) { [fieldId] = value };

        var errors = RequestFormValidator.Validate(Item, Form() with { Fields = fields });

        Assert.Equal(expected, Assert.Single(errors.ByInput).Value);
    }

    [Theory]
    [InlineData("office", "london OFFICE")]
    [InlineData("count", "1,000.50")]
    [InlineData("until", "2026-12-31")]
    [InlineData("costCentre", " CC-0001 ")]
    public void Validate_AcceptsValidFieldValues(string fieldId, string value)
    {
        var fields = new Dictionary<string, string?>(Form().Fields) { [fieldId] = value };

        Assert.False(RequestFormValidator.Validate(Item, Form() with { Fields = fields }).Any);
    }

    private static RequestForm Form() => new(
        "key-1",
        Item.Id,
        "My laptop is five years old and too slow.",
        "Medium",
        new Dictionary<string, string?>
        {
            ["costCentre"] = "CC-1234",
            ["office"] = "Berlin office",
            ["count"] = "2",
            ["until"] = "2026-12-01",
            ["notes"] = "Thanks",
        });
}
