using System.Text.Json.Nodes;
using ChatRequests.Cards.Templating;

namespace ChatRequests.Cards.Tests.Templating;

/// <summary>The binder's rule for what people read: bound text only where no markdown is read, DATE/TIME neutralised.</summary>
public class InertTextTests
{
    private const string Hostile = "**bold** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}} ${$root.secret} <at>Tomás</at>";
    private const char Joiner = '\u2060';

    private static JsonObject Bind(string template, object data) =>
        CardTemplate.Parse("test", template).Bind(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(data)));

    private static string? TextOf(JsonObject card) => (string?)card["body"]![0]!["inlines"]![0]!["text"];

    public static TheoryData<string> MarkdownPlaces() =>
    [
        """{"type": "TextBlock", "text": "${justification}", "wrap": true}""",
        """{"type": "TextBlock", "text": "Why: ${justification}", "wrap": true}""",
        """{"$data": "${items}", "type": "TextBlock", "text": "${$data}", "wrap": true}""",
        """{"type": "Container", "items": [{"type": "ColumnSet", "columns": [{"type": "Column", "items": [{"type": "TextBlock", "text": "${name}"}]}]}]}""",
        """{"type": "FactSet", "facts": [{"title": "Why", "value": "${justification}"}]}""",
        """{"type": "FactSet", "facts": [{"$data": "${fields}", "title": "${label}", "value": "ok"}]}""",
        """{"type": "Input.Text", "id": "x", "label": "Field", "errorMessage": "${label} is required."}""",
        """{"type": "Input.Toggle", "id": "x", "title": "${name}"}""",
        """{"type": "Input.ChoiceSet", "id": "x", "style": "expanded", "choices": [{"$data": "${choices}", "title": "${title}", "value": "v"}]}""",
        """{"type": "Input.ChoiceSet", "id": "x", "isMultiSelect": true, "choices": [{"title": "${title}", "value": "v"}]}""",
        """{"type": "Input.ChoiceSet", "id": "x", "style": "${style}", "choices": [{"title": "${title}", "value": "v"}]}""",
        """{"type": "${kind}", "text": "hello"}""",
    ];

    [Theory]
    [MemberData(nameof(MarkdownPlaces))]
    public void Parse_BindingWhereRenderersReadMarkdown_IsRefusedWithTheRule(string element)
    {
        var template = $$$"""{"type": "AdaptiveCard", "body": [{"type": "Container", "items": [{{{element}}}]}]}""";

        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("approval", template));

        Assert.Contains("approval", error.Message);
        Assert.Contains("bound", error.Message);
    }

    [Fact]
    public void Parse_BindingInAShowCardsTextBlock_IsRefused()
    {
        const string Template = """{"type": "AdaptiveCard", "actions": [{"type": "Action.ShowCard", "card": {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "${q}"}]}}]}""";

        Assert.Throws<TemplateException>(() => CardTemplate.Parse("team", Template));
    }

    public static TheoryData<string> InertPlaces() =>
    [
        """{"type": "TextBlock", "text": "Static **words** may use markdown.", "wrap": true, "$when": "${show}", "color": "${color}"}""",
        """{"type": "FactSet", "facts": [{"title": "Static", "value": "words"}]}""",
        """{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "${justification}"}, "${name}"]}""",
        """{"type": "Input.Text", "id": "x", "label": "Question for ${name}", "value": "${justification}", "placeholder": "${hint}", "errorMessage": "Type it."}""",
        """{"type": "Input.ChoiceSet", "id": "x", "choices": [{"$data": "${choices}", "title": "${title}", "value": "${value}"}]}""",
        """{"type": "Input.ChoiceSet", "id": "x", "style": "compact", "isMultiSelect": false, "choices": [{"title": "${title}", "value": "v"}]}""",
        """{"type": "ActionSet", "actions": [{"type": "Action.Execute", "title": "${name}", "verb": "v", "data": {"requestId": "${id}"}}]}""",
    ];

    [Theory]
    [MemberData(nameof(InertPlaces))]
    public void Parse_BindingsWhereNothingIsReadAsMarkdown_AreAccepted(string element)
    {
        CardTemplate.Parse("ok", $$"""{"type": "AdaptiveCard", "body": [{{element}}]}""");
    }

    [Fact]
    public void Bind_HostileTextInATextRun_KeepsEveryCharacterAndBreaksTheDateFunction()
    {
        var card = Bind("""{"body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "${text}"}]}]}""", new { text = Hostile, secret = "leaked" });

        Assert.Equal(Hostile.Replace("{{DATE", "{" + Joiner + "{DATE", StringComparison.Ordinal), TextOf(card));
        Assert.Equal(Hostile, TextOf(card)!.Replace(Joiner.ToString(), "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{{DATE(2026-01-01T00:00:00Z)}}")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z, SHORT)}}")]
    [InlineData("{{DATE(2026-01-01T00:00:00+05:30,LONG)}}")]
    [InlineData("{{TIME(2026-01-01T00:00:00Z)}}")]
    [InlineData("a {{TIME(2026-01-01T00:00:00Z)}} b {{DATE(2026-12-31T23:59:59-08:00, COMPACT)}} c")]
    [InlineData("{{{DATE(2026-01-01T00:00:00Z)}}}")]
    public void Bind_DateTimeFunctionInABoundValue_IsNeutralised(string typed)
    {
        var card = Bind("""{"body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "Said: ${text}"}]}]}""", new { text = typed });

        var shown = TextOf(card)!;
        Assert.DoesNotMatch(@"\{\{(DATE|TIME)\(", shown);
        Assert.Equal("Said: " + typed, shown.Replace(Joiner.ToString(), "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{{hello}}")]
    [InlineData("{{DATE(tomorrow)}}")]
    [InlineData("{{date(2026-01-01T00:00:00Z)}}")]
    [InlineData("{{DATE(2026-01-01 00:00:00Z)}}")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z, SOON)}}")]
    public void Bind_TextNoRendererExpands_IsLeftExactlyAsTyped(string typed)
    {
        var card = Bind("""{"body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "${text}"}]}]}""", new { text = typed });

        Assert.Equal(typed, TextOf(card));
    }

    [Fact]
    public void Bind_TheTemplatesOwnDateFunction_IsKeptWhileABoundOneIsNot()
    {
        var card = Bind(
            """{"body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "Due {{DATE(${at}, SHORT)}} {{TIME(${at})}}, ${by}"}]}]}""",
            new { at = "2026-03-04T00:30:00Z", by = "{{TIME(2026-01-01T00:00:00Z)}}" });

        Assert.Equal("Due {{DATE(2026-03-04T00:30:00Z, SHORT)}} {{TIME(2026-03-04T00:30:00Z)}}, {" + Joiner + "{TIME(2026-01-01T00:00:00Z)}}", TextOf(card));
    }

    [Fact]
    public void Bind_AFunctionWhoseSecondBraceComesFromABoundValue_IsNeutralised()
    {
        var card = Bind("""{"body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "{${text}"}]}]}""", new { text = "{DATE(2026-01-01T00:00:00Z)}}" });

        Assert.Equal("{" + Joiner + "{DATE(2026-01-01T00:00:00Z)}}", TextOf(card));
    }

    [Fact]
    public void Bind_StringInlinesAndInputLabels_AreNeutralisedToo()
    {
        var card = Bind(
            """{"body": [{"type": "RichTextBlock", "inlines": ["${text}"]}, {"type": "Input.Text", "id": "q", "label": "Question for ${text}"}]}""",
            new { text = "{{DATE(2026-01-01T00:00:00Z)}}" });

        Assert.Equal("{" + Joiner + "{DATE(2026-01-01T00:00:00Z)}}", (string?)card["body"]![0]!["inlines"]![0]);
        Assert.Equal("Question for {" + Joiner + "{DATE(2026-01-01T00:00:00Z)}}", (string?)card["body"]![1]!["label"]);
    }

    [Fact]
    public void Bind_InputValuesAndActionData_RoundTripExactlyWhatWasTyped()
    {
        var card = Bind(
            """{"body": [{"type": "Input.Text", "id": "j", "value": "${text}"}], "actions": [{"type": "Action.Execute", "verb": "v", "data": {"requestId": "${text}"}}]}""",
            new { text = Hostile });

        Assert.Equal(Hostile, (string?)card["body"]![0]!["value"]);
        Assert.Equal(Hostile, (string?)card["actions"]![0]!["data"]!["requestId"]);
    }

    [Fact]
    public void Bind_BoundTextInATextRun_IsNeverEvaluatedAsATemplate()
    {
        var card = Bind(
            """{"body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "${text}"}]}]}""",
            new { text = "${$root.secret} ${secret} ${!x}", secret = "leaked" });

        Assert.Equal("${$root.secret} ${secret} ${!x}", TextOf(card));
    }

    [Fact]
    public void Bind_NumberInATextRun_IsShownAsText()
    {
        var card = Bind("""{"body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "${n}"}]}]}""", new { n = 4 });

        Assert.Equal("4", TextOf(card));
    }
}
