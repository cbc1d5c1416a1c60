using System.Text.Json.Nodes;

namespace ChatRequests.Testing;

/// <summary>A request of samples/catalog.json as a person makes it: the words they type and their answers on the form.</summary>
public sealed record SampleRequest(string Words, JsonObject Inputs)
{
    /// <summary>A standard laptop: the requester's manager approves, Hardware Service fulfils.</summary>
    public static SampleRequest Laptop => new("I need a new laptop, mine is dying", new JsonObject
    {
        ["urgency"] = "High",
        ["field.costCentre"] = "CC-4711",
        ["field.deliveryLocation"] = "Berlin office",
        ["field.keyboardLayout"] = "German (QWERTZ)",
    });

    /// <summary>
    /// A mouse asked for in words that name no item of the catalog: the words alone give the catalog's categories; with
    /// the sentence encoder ready, a choice led by the mouse (ADR 0041, 0044).
    /// </summary>
    public const string MouseByMeaning = "a pointer gadget for my computer";

    /// <summary>A standard mouse: no approval, straight to Hardware Service.</summary>
    public static SampleRequest Mouse => new("I need a standard mouse", new JsonObject
    {
        ["urgency"] = "Low",
        ["field.deliveryLocation"] = "London office",
    });
}
