using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatRequests.Cards;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Benchmarks;

/// <summary>
/// Building the cards the measured turns send: the data gathered, serialised and bound to the template; and, for two of
/// them, built and written as the connector client sends them (the binder's whole share of a turn).
/// </summary>
public class CardBenchmarks
{
    private BenchData _data = null!;

    [GlobalSetup]
    public void Setup() => _data = BenchData.Create();

    [Benchmark(Description = "help")]
    public CardMessage Help() => _data.Cards.Help(_data.Guide);

    [Benchmark(Description = "my requests (20 of 21)")]
    public CardMessage MyRequests() => _data.Cards.RequestList(_data.List, "Your requests", "You have no requests yet.", _data.Story.Requester);

    [Benchmark(Description = "submitted (form submit)")]
    public CardMessage Submitted() => _data.Cards.Submitted(_data.Pending, refreshFor: "29:requester");

    [Benchmark(Description = "approval (approval click)")]
    public CardMessage Approval() => _data.Cards.Approval(_data.Pending, 0, _data.Story.Manager);

    [Benchmark(Description = "team card (agent click)")]
    public CardMessage TeamCard() => _data.Cards.TeamCard(_data.Assigned);

    [Benchmark(Description = "my requests, built and sent")]
    public byte[] MyRequestsSent() => Sent(MyRequests());

    [Benchmark(Description = "team card with refresh, built and sent")]
    public byte[] TeamCardSent() => Sent(_data.Cards.TeamCard(_data.Assigned, null, CardRefresh.ForPerson("29:agent")));

    private static byte[] Sent(CardMessage card) =>
        JsonSerializer.SerializeToUtf8Bytes(Activity.CardMessage(card), ConnectorJson.Options);
}
