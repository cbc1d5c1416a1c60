using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatRequests.Cards.Templating;
using ChatRequests.Cards.Tests.Support;

namespace ChatRequests.Cards.Tests.Templating;

public class TemplateLibraryTests
{
    private static readonly string[] Expected =
    [
        "access-review", "alternatives", "answer", "answer-offer", "approval", "approval-list", "at-risk", "banner", "catalog", "categories", "delegate-choice", "digest", "erase-confirm", "escalation", "handover-choice", "help", "history", "incident", "info",
        "notice", "parked", "parked-list", "privacy-choice", "reminder", "report", "request-detail", "request-form", "request-list", "review-failed", "submitted", "suggestion", "team",
    ];

    [Fact]
    public void Names_AreEveryEmbeddedTemplate()
    {
        Assert.Equal(Expected, TemplateLibrary.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Get_SameName_ReturnsTheCachedTemplate()
    {
        Assert.Same(TemplateLibrary.Get("info"), TemplateLibrary.Get("info"));
    }

    [Fact]
    public void Get_UnknownName_Throws()
    {
        Assert.Throws<TemplateException>(() => TemplateLibrary.Get("nope"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryTemplate_IsAnAdaptiveCard15WithSchemaAndFallbackText(string name)
    {
        var card = TemplateLibrary.Get(name).Bind(new JsonObject { ["fallbackText"] = "text" });

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.Equal("text", (string?)card["fallbackText"]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryTemplate_ShowsTimesOneWayInTheViewersTimeZone(string name)
    {
        var template = TemplateJson(name);

        Assert.DoesNotContain("UTC", template.ToJsonString(), StringComparison.Ordinal);
        foreach (var text in CardQuery.Objects(template).SelectMany(o => o.Select(p => (Owner: o, p.Key, Text: (p.Value as JsonValue)?.ToString()))))
        {
            if (text.Text?.Contains("{{", StringComparison.Ordinal) != true)
            {
                continue;
            }

            Assert.Equal("TextRun", (string?)text.Owner["type"]);
            var rest = Regex.Replace(text.Text, @"\{\{DATE\(\$\{([\w.]+)\}, SHORT\)\}\} \{\{TIME\(\$\{\1\}\)\}\}", "");
            // A calendar day (a supplier's expected day: a fact's "on", a "*.expected") has no time of day to show.
            rest = Regex.Replace(rest, @"\{\{DATE\(\$\{(on|[\w.]+\.expected)\}, SHORT\)\}\}", "");
            Assert.DoesNotContain("{{", rest, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> Names() => [.. Expected];

    private static JsonObject TemplateJson(string name)
    {
        using var stream = typeof(CardTemplate).Assembly.GetManifestResourceStream($"Templates.{name}.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }
}
