using System.Text.Json.Nodes;
using ChatRequests.Cards.Templating;

namespace ChatRequests.Cards.Tests.Templating;

public class CardTemplateTests
{
    private static JsonObject Bind(string template, string data) =>
        CardTemplate.Parse("test", template).Bind(JsonNode.Parse(data));

    private static string BindToJson(string template, string data) => Bind(template, data).ToJsonString();

    [Fact]
    public void Bind_PathInsideText_IsReplacedByItsText()
    {
        var card = Bind("""{"text": "Hello ${person.name}, you have ${count} requests (${ok})."}""", """{"person": {"name": "Ann"}, "count": 3, "ok": true}""");

        Assert.Equal("Hello Ann, you have 3 requests (true).", (string?)card["text"]);
    }

    [Fact]
    public void Bind_WholeStringBinding_KeepsTheJsonType()
    {
        var card = Bind(
            """{"n": "${n}", "b": "${b}", "s": "${s}", "d": "${d}"}""",
            """{"n": 42.5, "b": false, "s": "text", "d": 0}""");

        Assert.Equal("""{"n":42.5,"b":false,"s":"text","d":0}""", card.ToJsonString());
    }

    [Theory]
    [InlineData("""{"items": [{"type": "TextBlock", "text": "[click](https://evil.example)"}]}""")]
    [InlineData("""{"items": {"type": "TextBlock"}}""")]
    public void Bind_WholeStringBindingToAnObjectOrList_IsRefusedSoDataNeverAddsElements(string data)
    {
        var template = CardTemplate.Parse("test", """{"type": "Container", "items": "${items}"}""");

        Assert.Throws<TemplateException>(() => template.Bind(JsonNode.Parse(data)));
    }

    [Fact]
    public void Bind_ObjectEmbeddedInText_IsStringifiedAsJson()
    {
        Assert.Equal("""{"t":"v={\u0022k\u0022:1} [1,2]"}""", BindToJson("""{"t": "v=${o} ${a}"}""", """{"o": {"k": 1}, "a": [1, 2]}"""));
    }

    [Fact]
    public void Bind_MissingPath_BindsToEmptyString()
    {
        var card = Bind("""{"whole": "${nope.deeper}", "inText": "[${nope}]", "nullValue": "${n}"}""", """{"n": null}""");

        Assert.Equal("""{"whole":"","inText":"[]","nullValue":""}""", card.ToJsonString());
    }

    [Fact]
    public void Bind_ArrayIndexAndQuotedName_AreResolved()
    {
        var card = Bind("""{"t": "${items[1].name} ${map['odd key']}"}""", """{"items": [{"name": "a"}, {"name": "b"}], "map": {"odd key": "c"}}""");

        Assert.Equal("b c", (string?)card["t"]);
    }

    [Fact]
    public void Bind_DataOnArrayElement_RepeatsItOncePerItem()
    {
        var card = Bind(
            """{"body": [{"type": "Title"}, {"$data": "${people}", "text": "${$index}: ${name} of ${$root.team}"}, {"type": "End"}]}""",
            """{"team": "Hardware", "people": [{"name": "Ann"}, {"name": "Bob"}]}""");

        Assert.Equal(
            """{"body":[{"type":"Title"},{"text":"0: Ann of Hardware"},{"text":"1: Bob of Hardware"},{"type":"End"}]}""",
            card.ToJsonString());
    }

    [Fact]
    public void Bind_DataOverScalars_ExposesEachItemAsData()
    {
        var card = Bind("""{"actions": [{"$data": "${tags}", "title": "${$data}", "data": {"category": "${$data}"}}]}""", """{"tags": ["Hardware", "Access"]}""");

        Assert.Equal("""{"actions":[{"title":"Hardware","data":{"category":"Hardware"}},{"title":"Access","data":{"category":"Access"}}]}""", card.ToJsonString());
    }

    [Fact]
    public void Bind_NestedData_ResolvesAgainstTheInnerItem()
    {
        var card = Bind(
            """{"fields": [{"$data": "${fields}", "id": "${id}", "choices": [{"$data": "${choices}", "title": "${$data} (${$root.suffix})"}]}]}""",
            """{"suffix": "s", "fields": [{"id": "a", "choices": ["x", "y"]}, {"id": "b", "choices": []}]}""");

        Assert.Equal("""{"fields":[{"id":"a","choices":[{"title":"x (s)"},{"title":"y (s)"}]},{"id":"b","choices":[]}]}""", card.ToJsonString());
    }

    [Theory]
    [InlineData("""{"items": []}""")]
    [InlineData("""{}""")]
    [InlineData("""{"items": null}""")]
    public void Bind_DataOverEmptyOrMissingArray_RemovesTheElement(string data)
    {
        Assert.Equal("""{"body":[{"k":1}]}""", BindToJson("""{"body": [{"$data": "${items}", "t": "${x}"}, {"k": 1}]}""", data));
    }

    [Fact]
    public void Bind_DataOnObjectOutsideAnArray_ChangesTheScope()
    {
        var card = Bind("""{"header": {"$data": "${request}", "title": "${id}: ${item}"}}""", """{"request": {"id": "REQ-1", "item": "Laptop"}}""");

        Assert.Equal("REQ-1: Laptop", (string?)card["header"]!["title"]);
    }

    [Fact]
    public void Bind_InlineLiteralData_IsRepeated()
    {
        var card = Bind("""{"body": [{"$data": [{"n": 1}, {"n": 2}], "v": "${n}"}]}""", "{}");

        Assert.Equal("""{"body":[{"v":1},{"v":2}]}""", card.ToJsonString());
    }

    [Theory]
    [InlineData("""{"flag": true}""", true)]
    [InlineData("""{"flag": false}""", false)]
    [InlineData("""{}""", false)]
    [InlineData("""{"flag": null}""", false)]
    [InlineData("""{"flag": ""}""", false)]
    [InlineData("""{"flag": "x"}""", true)]
    [InlineData("""{"flag": 0}""", false)]
    [InlineData("""{"flag": 2}""", true)]
    [InlineData("""{"flag": []}""", false)]
    [InlineData("""{"flag": [0]}""", true)]
    [InlineData("""{"flag": {}}""", true)]
    public void Bind_When_KeepsTheElementOnlyWhenThePathIsTruthy(string data, bool kept)
    {
        var card = Bind("""{"body": [{"$when": "${flag}", "type": "TextBlock"}]}""", data);

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("${!flag}", """{"flag": false}""", true)]
    [InlineData("${!flag}", """{"flag": true}""", false)]
    [InlineData("${!missing}", """{}""", true)]
    [InlineData("${state == 'Open'}", """{"state": "Open"}""", true)]
    [InlineData("${state == 'Open'}", """{"state": "open"}""", false)]
    [InlineData("${state == 'Open'}", """{}""", false)]
    [InlineData("${state != 'Open'}", """{"state": "Closed"}""", true)]
    [InlineData("${state != 'Open'}", """{"state": "Open"}""", false)]
    [InlineData("${n == 2}", """{"n": 2.0}""", true)]
    [InlineData("${n == '2'}", """{"n": 2}""", false)]
    [InlineData("${missing == null}", """{}""", true)]
    [InlineData("${a && b}", """{"a": true, "b": true}""", true)]
    [InlineData("${a && b}", """{"a": true, "b": false}""", false)]
    [InlineData("${a && !b}", """{"a": true}""", true)]
    [InlineData("${a || b}", """{"a": false, "b": "x"}""", true)]
    [InlineData("${type == 'Number' && !hasValue}", """{"type": "Number", "hasValue": false}""", true)]
    [InlineData("${!(a && b)}", """{"a": true, "b": false}""", true)]
    [InlineData("${a == 'x}y'}", """{"a": "x}y"}""", true)]
    [InlineData("${$root.on && $data.on}", """{"on": true}""", true)]
    public void Bind_WhenExpression_IsEvaluated(string when, string data, bool kept)
    {
        var card = Bind($$"""{"body": [{"$when": "{{when}}", "k": 1}]}""", data);

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Fact]
    public void Bind_WhenInsideRepeat_IsEvaluatedPerItem()
    {
        var card = Bind(
            """{"facts": [{"$data": "${facts}", "$when": "${value && $root.show}", "title": "${title}", "value": "${value}"}]}""",
            """{"show": true, "facts": [{"title": "a", "value": "1"}, {"title": "b"}, {"title": "c", "value": "3"}]}""");

        Assert.Equal("""{"facts":[{"title":"a","value":"1"},{"title":"c","value":"3"}]}""", card.ToJsonString());
    }

    [Fact]
    public void Bind_WhenOnAPropertyValue_RemovesTheProperty()
    {
        var card = Bind("""{"keep": 1, "card": {"$when": "${show}", "type": "AdaptiveCard"}}""", """{"show": false}""");

        Assert.Equal("""{"keep":1}""", card.ToJsonString());
    }

    [Fact]
    public void Bind_TemplatingKeywords_DoNotReachTheOutput()
    {
        var json = BindToJson("""{"body": [{"$data": "${x}", "$when": "${y}", "t": 1}]}""", """{"x": {"a": 1}, "y": true}""");

        Assert.DoesNotContain("$data", json);
        Assert.DoesNotContain("$when", json);
    }

    [Fact]
    public void Bind_BoundText_IsNotBoundAgain()
    {
        var card = Bind("""{"t": "${text}", "u": "Said: ${text}"}""", """{"text": "${secret} and ${!x}", "secret": "leaked"}""");

        Assert.Equal("${secret} and ${!x}", (string?)card["t"]);
        Assert.Equal("Said: ${secret} and ${!x}", (string?)card["u"]);
    }

    [Fact]
    public void Bind_SameDataNodeTwice_CopiesItAndLeavesDataAndTemplateUnchanged()
    {
        var template = CardTemplate.Parse("test", """{"a": "${list[0]}", "b": "${list[1]}", "c": [{"$data": "${list}", "v": "${$data}"}]}""");
        var data = JsonNode.Parse("""{"list": [1, 2]}""");

        var first = template.Bind(data);
        var second = template.Bind(data);

        Assert.Equal("""{"a":1,"b":2,"c":[{"v":1},{"v":2}]}""", first.ToJsonString());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal("""{"list":[1,2]}""", data!.ToJsonString());
    }

    [Fact]
    public void Bind_LiteralsWithoutBindings_AreCopiedAsTheyAre()
    {
        const string Template = """{"type":"AdaptiveCard","n":1.5,"b":true,"z":null,"s":"$ not a binding {x}","a":[1,{"k":"v"}]}""";

        Assert.Equal(Template, BindToJson(Template, "{}"));
    }

    [Fact]
    public void Bind_ManyThreadsAtOnce_GiveTheSameCard()
    {
        var template = CardTemplate.Parse("test", """{"body": [{"$data": "${items}", "$when": "${on}", "text": "${name} ${$index}"}]}""");
        var data = JsonNode.Parse($$"""{"items": [{{string.Join(",", Enumerable.Range(0, 50).Select(i => $$"""{"name": "n{{i}}", "on": {{(i % 3 == 0 ? "true" : "false")}}}"""))}}]}""");
        var expected = template.Bind(data).ToJsonString();

        var results = new string[200];
        Parallel.For(0, results.Length, i => results[i] = template.Bind(JsonNode.Parse(data!.ToJsonString())).ToJsonString());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Bind_AfterABindThatFailedHalfWritten_GivesAWholeCardOnTheSameThread()
    {
        var failing = CardTemplate.Parse("failing", """{"type": "AdaptiveCard", "body": [{"type": "Container", "items": "${items}"}]}""");
        var good = CardTemplate.Parse("good", """{"type": "AdaptiveCard", "body": [{"text": "${name}"}]}""");

        Assert.Throws<TemplateException>(() => failing.Bind(JsonNode.Parse("""{"items": [{"type": "TextBlock"}]}""")));
        var card = good.Bind(JsonNode.Parse("""{"name": "Ann"}"""));

        Assert.Equal("""{"type":"AdaptiveCard","body":[{"text":"Ann"}]}""", card.ToJsonString());
    }

    [Fact]
    public void Bind_CardChangedAfterBinding_IsWrittenWithTheChange()
    {
        var template = CardTemplate.Parse("test", """{"type": "AdaptiveCard", "body": [{"text": "${name}"}]}""");

        var card = template.Bind(JsonNode.Parse("""{"name": "Ann"}"""));
        card["refresh"] = new JsonObject { ["userIds"] = new JsonArray("29:ann") };
        card["body"]![0]!["text"] = "Bob";

        Assert.Equal("""{"type":"AdaptiveCard","body":[{"text":"Bob"}],"refresh":{"userIds":["29:ann"]}}""", card.ToJsonString());
    }

    [Fact]
    public void Bind_CardsLargerThanTheBufferAThreadKeeps_AreWholeAndSoAreSmallOnesAfterThem()
    {
        var template = CardTemplate.Parse("test", """{"body": [{"$data": "${items}", "text": "${$data}"}]}""");
        var items = Enumerable.Range(0, 3_000).Select(i => $"item number {i}, with some words to make it longer").ToList();
        var large = new JsonObject { ["items"] = new JsonArray([.. items.Select(i => (JsonNode?)i)]) };

        var first = template.Bind(large);
        var small = template.Bind(JsonNode.Parse("""{"items": ["one"]}"""));
        var second = template.Bind(large);

        Assert.Equal(items, first["body"]!.AsArray().Select(e => (string?)e!["text"]));
        Assert.Equal("""{"body":[{"text":"one"}]}""", small.ToJsonString());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Theory]
    [InlineData("${name()}")]
    [InlineData("${json(x)}")]
    [InlineData("${a + b}")]
    [InlineData("${a > 1}")]
    [InlineData("${a = 1}")]
    [InlineData("${a; b}")]
    [InlineData("${'unclosed}")]
    [InlineData("${}")]
    [InlineData("${$unknown}")]
    [InlineData("${a &&}")]
    [InlineData("text ${a")]
    public void Parse_UnsupportedOrBrokenExpression_IsRejectedWhenLoaded(string text)
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("bad", $$"""{"body": [{"text": "{{text}}"}]}"""));

        Assert.Contains("bad", error.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Parse_NotAJsonObject_IsRejected(string json)
    {
        Assert.Throws<TemplateException>(() => CardTemplate.Parse("bad", json));
    }

    [Fact]
    public void Bind_RootRemovedByItsWhen_Throws()
    {
        var template = CardTemplate.Parse("root", """{"$when": "${show}", "type": "AdaptiveCard"}""");

        Assert.Throws<TemplateException>(() => template.Bind(new JsonObject()));
    }
}
