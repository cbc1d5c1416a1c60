using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The embedded relay when the SQLite file turns read-only between Teams accepting a post and the message ledger's record of
/// it: the record is refused and the event retried. The Bot Connector has no idempotency key, so a retry that posted again
/// would show the approver a second card; the retry records the card the bot knows of and updates it instead.
/// </summary>
public sealed class StoreFaultRepeatTests : IAsyncLifetime
{
    // Long enough for the test to make the file read-only after Teams took the card and before its answer reaches the bot,
    // however loaded the machine; well within the connector client's attempt timeout (15 s).
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(5);

    private readonly RefusalSeen _refusal = new();
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(services: services =>
        services.AddSingleton<IMessageLedger>(provider => new WatchedLedger(new SqliteMessageLedger(provider.GetRequiredService<SqliteDatabase>()), _refusal)));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [ReadOnlyFaultFact]
    public async Task ApprovalCardWhoseRecordTheStoreRefused_IsFoundOnTheRetry_NotPostedAgain()
    {
        // Teams takes the approval card and answers a moment later; the file turns read-only meanwhile.
        _bot.Connector.FailNext(new FakeFailure(0) { AnswerDelay = SlowAnswer, When = IsApprovalCard });
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        // The fake lists a request once it has answered; the card is in the approver's chat as soon as Teams took it.
        await _bot.Connector.WaitForAsync(
            c => c.Conversations.SelectMany(v => v.Activities).Any(a => FakeTeamsConnector.CardOf(a)?.ToJsonString().Contains("Approval needed") == true),
            description: "the approval card taken by Teams, its answer still on the way");
        var file = _bot.Services.GetRequiredService<SqliteDatabase>().FilePath;
        using (DiskFaults.ReadOnly(file, file + "-wal"))
        {
            await _refusal.Seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await StoredWhenAsync(_bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the relay delivered every event");

        var posts = _bot.Connector.Requests.Where(IsApprovalCard).Where(r => r.Succeeded).ToList();
        var card = Assert.Single(posts);
        var activityId = card.Answer?["id"]?.GetValue<string>();
        Assert.NotNull(activityId);
        Assert.Equal([activityId], await RecordedApprovalCardsAsync(requestId));
        // The retry found the card it posted and did not post again; it sends that card no update when the card already
        // shows what the retry would send (ADR 0046), so whether an update went out is not this test's point.
    }

    /// <summary>The activity ids the ledger holds for the request's approval cards.</summary>
    private async Task<List<string>> RecordedApprovalCardsAsync(string requestId)
    {
        await using var connection = await _bot.Services.GetRequiredService<SqliteDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity_id FROM posted_messages WHERE key LIKE 'approval:' || $id || ':%'";
        command.Parameters.AddWithValue("$id", requestId);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static bool IsApprovalCard(FakeConnectorRequest request) =>
        request.Route == FakeConnectorRoute.SendToConversation && request.Body?.ToJsonString().Contains("Approval needed") == true;

    /// <summary>Tells the test when the store refused a record (the fault has done its work and can be undone).</summary>
    private sealed class RefusalSeen
    {
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The real SQLite ledger, watched: a refused record is signalled, and thrown on as it was.</summary>
    private sealed class WatchedLedger(IMessageLedger ledger, RefusalSeen refusal) : IMessageLedger
    {
        public Task<PostedMessage?> FindAsync(string key, CancellationToken cancellationToken = default) => ledger.FindAsync(key, cancellationToken);

        public async Task RecordAsync(PostedMessage message, CancellationToken cancellationToken = default)
        {
            try
            {
                await ledger.RecordAsync(message, cancellationToken);
            }
            catch
            {
                refusal.Seen.TrySetResult();
                throw;
            }
        }

        public Task<bool> BeginAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            ledger.BeginAttemptAsync(key, at, cancellationToken);

        public Task AbandonAttemptAsync(string key, CancellationToken cancellationToken = default) => ledger.AbandonAttemptAsync(key, cancellationToken);

        public Task<int> CountInterruptedAsync(string keyPrefix, CancellationToken cancellationToken = default) =>
            ledger.CountInterruptedAsync(keyPrefix, cancellationToken);
    }
}
