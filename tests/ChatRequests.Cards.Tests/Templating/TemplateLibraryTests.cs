using System.Text.Json.Nodes;
using ChatRequests.Cards.Templating;

namespace ChatRequests.Cards.Tests.Templating;

public class TemplateLibraryTests
{
    private static readonly string[] Expected =
    [
        "answer", "approval", "approval-list", "at-risk", "catalog", "categories", "escalation", "help", "info", "notice", "reminder",
        "request-detail", "request-form", "request-list", "submitted", "team",
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

    public static TheoryData<string> Names() => [.. Expected];
}
