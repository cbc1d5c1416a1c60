using ChatRequests.Core.Fulfilment;
using ChatRequests.Embedded.Fulfilment;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Embedded.Tests.Fulfilment;

/// <summary>
/// The relay wired as in the bot, on a real SQLite store, with a recording notifier and a manual clock:
/// at most 3 attempts, retries after about 1 s, 2 s, 4 s... capped at 10 s.
/// </summary>
public sealed class RelayRig : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;

    public RelayRig()
    {
        _database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = _folder.File("chatrequests.db") }),
            NullLogger<SqliteDatabase>.Instance);
        Store = new FlakyRequestStore(new SqliteRequestStore(_database));
        var options = Options.Create(Settings);
        var processor = new OutboxProcessor(
            Store, new FulfilmentHandler(Notifier, Store, Clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None), Clock, options, NullLogger<OutboxProcessor>.Instance);
        Relay = new InProcessRelay(Store, processor, Signal, Clock, options, NullLogger<InProcessRelay>.Instance);
        Health = new RelayHealth(Store, Clock);
    }

    /// <summary>Longer than any backoff the settings allow, jitter included.</summary>
    public static TimeSpan LongerThanAnyBackoff => TimeSpan.FromSeconds(15);

    public FulfilmentOptions Settings { get; } = new()
    {
        MaxAttempts = 3,
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(10),
        PollInterval = TimeSpan.FromSeconds(1),
    };

    public FakeTimeProvider Clock { get; } = new(SampleRequests.Start);
    public RecordingNotifier Notifier { get; } = new();
    public FlakyRequestStore Store { get; }
    public RelaySignal Signal { get; } = new();
    public InProcessRelay Relay { get; }
    public RelayHealth Health { get; }

    public void Dispose()
    {
        Relay.Dispose();
        _database.Dispose();
        _folder.Dispose();
    }
}
