using System.Text;
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
    private byte[] _stored = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchData.Create();
        _help = _data.Cards.Help(_data.Guide);
        _list = _data.Cards.RequestList(_data.List, "Your requests", "You have no requests yet.", _data.Story.Requester);
        _approval = _data.Cards.Approval(_data.Pending, 0, _data.Story.Manager);
        _document = JsonSerializer.Serialize(_data.Assigned, RequestJson.Options);
        _stored = Encoding.UTF8.GetBytes(_document);
    }

    [Benchmark(Description = "help reply body")]
    public byte[] HelpReply() => JsonSerializer.SerializeToUtf8Bytes(Activity.CardMessage(_help), ConnectorJson.Options);

    [Benchmark(Description = "my requests reply body")]
    public byte[] ListReply() => JsonSerializer.SerializeToUtf8Bytes(Activity.CardMessage(_list), ConnectorJson.Options);

    [Benchmark(Description = "approval click answer")]
    public string ApprovalAnswer() => InvokeResponse.Card(_approval).ToJson();

    [Benchmark(Description = "request document to JSON")]
    public string SaveDocument() => JsonSerializer.Serialize(_data.Assigned, RequestJson.Options);

    [Benchmark(Description = "request document from JSON")]
    public object? LoadDocument() => JsonSerializer.Deserialize<Core.Requests.ServiceRequest>(_document, RequestJson.Options);

    // The SQLite store's read of a document, which SQLite holds as UTF-8: decoded to a string first (as
    // SqliteDataReader.GetString does), or its bytes copied out (GetFieldValue<byte[]>, what the store does now).
    [Benchmark(Description = "request document from a stored row, as a string")]
    public object? LoadStoredAsString() => JsonSerializer.Deserialize<Core.Requests.ServiceRequest>(Encoding.UTF8.GetString(_stored), RequestJson.Options);

    [Benchmark(Description = "request document from a stored row, as UTF-8 bytes")]
    public object? LoadStoredAsBytes() => JsonSerializer.Deserialize<Core.Requests.ServiceRequest>(_stored.ToArray(), RequestJson.Options);
}
