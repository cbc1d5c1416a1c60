using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatRequests.Cards;
using ChatRequests.Core.Storage;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Benchmarks;

/// <summary>What goes over the wire and into the store: a reply as the connector client sends it, an invoke answer, a request document.</summary>
public class WireBenchmarks
{
    private BenchData _data = null!;
    private CardMessage _help = null!;
    private CardMessage _list = null!;
    private CardMessage _approval = null!;
    private string _document = "";

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchData.Create();
        _help = _data.Cards.Help(_data.Guide);
        _list = _data.Cards.RequestList(_data.List, "Your requests", "You have no requests yet.", _data.Story.Requester);
        _approval = _data.Cards.Approval(_data.Pending, 0, _data.Story.Manager);
        _document = JsonSerializer.Serialize(_data.Assigned, RequestJson.Options);
    }

    [Benchmark(Description = "help reply body")]
    public byte[] HelpReply() => JsonSerializer.SerializeToUtf8Bytes(Activity.CardMessage(_help.Card, _help.FallbackText), ConnectorJson.Options);

    [Benchmark(Description = "my requests reply body")]
    public byte[] ListReply() => JsonSerializer.SerializeToUtf8Bytes(Activity.CardMessage(_list.Card, _list.FallbackText), ConnectorJson.Options);

    [Benchmark(Description = "approval click answer")]
    public string ApprovalAnswer() => InvokeResponse.Card(_approval.Card).ToJson();

    [Benchmark(Description = "request document to JSON")]
    public string SaveDocument() => JsonSerializer.Serialize(_data.Assigned, RequestJson.Options);

    [Benchmark(Description = "request document from JSON")]
    public object? LoadDocument() => JsonSerializer.Deserialize<Core.Requests.ServiceRequest>(_document, RequestJson.Options);
}
