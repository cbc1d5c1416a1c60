using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests.Storage;

/// <summary>
/// Request documents as the stores hold them (Storage/Documents, written by <see cref="RequestJson.Options"/> on
/// 2026-12-07): each is read and written back byte for byte, so a change to the request's types or to the serializer's
/// settings that would rewrite documents already stored fails here first.
/// </summary>
public sealed class StoredDocumentTests
{
    public static TheoryData<string> Names => [.. StoredDocuments.Requests.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadThenWrite_StoredDocument_GivesTheSameBytes(string name)
    {
        var stored = Stored(name);

        var request = JsonSerializer.Deserialize<ServiceRequest>(stored, RequestJson.Options)!;

        Assert.Equal(Encoding.UTF8.GetString(stored), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(request, RequestJson.Options)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadThenWrite_StoredDocument_ByTheGeneratedWriter_GivesTheSameBytes(string name)
    {
        var stored = Stored(name);

        var request = JsonSerializer.Deserialize<ServiceRequest>(stored, RequestJson.Options)!;

        Assert.Equal(Encoding.UTF8.GetString(stored), Encoding.UTF8.GetString(RequestDocumentWriter.ToUtf8Bytes(request)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FactsOfAStoredDocument_ByTheGeneratedWriter_AreTheBytesOfTheOptions(string name)
    {
        var facts = RequestFacts.From(JsonSerializer.Deserialize<ServiceRequest>(Stored(name), RequestJson.Options)!);

        Assert.Equal(
            Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(facts, RequestJson.Options)),
            Encoding.UTF8.GetString(RequestDocumentWriter.ToUtf8Bytes(facts)));
    }

    [Fact]
    public void Read_DocumentWithUnknownFieldsAndWithoutLaterOnes_LoadsAndDropsTheUnknown()
    {
        var document = JsonNode.Parse(Stored("full-lifecycle"))!.AsObject();
        document["writtenByANewerVersion"] = new JsonObject { ["nested"] = new JsonArray(1, 2) };
        document["history"]![0]!.AsObject()["unknownInAnEntry"] = "x";
        document.Remove("fieldLabels");
        document.Remove("atRiskAt");

        var request = JsonSerializer.Deserialize<ServiceRequest>(document.ToJsonString(), RequestJson.Options)!;
        var written = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(request, RequestJson.Options))!.AsObject();

        Assert.Equal(RequestState.Closed, request.State);
        Assert.Empty(request.FieldLabels);
        Assert.Null(request.AtRiskAt);
        Assert.False(written.ContainsKey("writtenByANewerVersion"));
        Assert.False(written["history"]![0]!.AsObject().ContainsKey("unknownInAnEntry"));
        Assert.Equal(document["history"]!.AsArray().Count, request.History.Count);
    }

    private static byte[] Stored(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Storage", "Documents", name + ".json"));
}
