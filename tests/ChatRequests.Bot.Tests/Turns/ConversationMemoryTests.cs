using ChatRequests.Teams.Connector;
using ChatRequests.Bot.Turns;
using ChatRequests.Core.Messaging;
using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Bot.Tests.Turns;

/// <summary><see cref="ConversationMemory"/> over the real SQLite conversation store.</summary>
public sealed class ConversationMemoryTests : IDisposable
{
    private const string Chat = "a:chat-megan";
    private const string Amer = "https://smba.trafficmanager.net/amer/";
    private const string Emea = "https://smba.trafficmanager.net/emea/";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;
    private readonly SqliteConversationStore _store;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public ConversationMemoryTests()
    {
        _database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = Path.Combine(_folder, "chatrequests.db") }), NullLogger<SqliteDatabase>.Instance);
        _store = new SqliteConversationStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RememberAsync_NewConversation_StoresWhereItIs()
    {
        await new ConversationMemory(_store, _clock).RememberAsync(Activity(Amer), "megan", CancellationToken.None);

        var stored = await _store.FindAsync(Chat);
        Assert.Equal((Amer, ConversationType.Personal, "megan", "29:megan", "28:bot"),
            (stored?.ServiceUrl, stored?.ConversationType, stored?.UserAadObjectId, stored?.UserId, stored?.BotId));
        Assert.Equal(_clock.GetUtcNow(), stored?.UpdatedAt);
    }

    [Fact]
    public async Task RememberAsync_SameReferenceInAnotherProcess_ReadsButDoesNotWrite()
    {
        await new ConversationMemory(_store, _clock).RememberAsync(Activity(Amer), "megan", CancellationToken.None);
        var writtenAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromHours(1));

        await new ConversationMemory(_store, _clock).RememberAsync(Activity(Amer), "megan", CancellationToken.None);

        Assert.Equal(writtenAt, (await _store.FindAsync(Chat))?.UpdatedAt);
    }

    [Fact]
    public async Task RememberAsync_ServiceUrlChanged_WritesItAtOnce()
    {
        var memory = new ConversationMemory(_store, _clock);
        await memory.RememberAsync(Activity(Amer), "megan", CancellationToken.None);

        await memory.RememberAsync(Activity(Emea), "megan", CancellationToken.None);

        Assert.Equal(Emea, (await _store.FindAsync(Chat))?.ServiceUrl);
    }

    [Fact]
    public async Task RememberAsync_AnotherInstanceStoredOtherwise_IsCorrectedWithinRecheckAfter()
    {
        var memory = new ConversationMemory(_store, _clock);
        await memory.RememberAsync(Activity(Amer), "megan", CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await new ConversationMemory(_store, _clock).RememberAsync(Activity(Emea), "megan", CancellationToken.None);

        await memory.RememberAsync(Activity(Amer), "megan", CancellationToken.None);
        Assert.Equal(Emea, (await _store.FindAsync(Chat))?.ServiceUrl);

        _clock.Advance(ConversationMemory.RecheckAfter);
        await memory.RememberAsync(Activity(Amer), "megan", CancellationToken.None);
        Assert.Equal(Amer, (await _store.FindAsync(Chat))?.ServiceUrl);
    }

    [Fact]
    public async Task RememberAsync_ChannelThread_IsRememberedAsTheChannel()
    {
        var inThread = Activity(Amer) with
        {
            Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=1763", ConversationType = "channel", TenantId = "tenant-1" },
        };

        await new ConversationMemory(_store, _clock).RememberAsync(inThread, "megan", CancellationToken.None);

        var stored = await _store.FindAsync("19:general@thread.tacv2");
        Assert.Equal((ConversationType.Channel, null, null), (stored?.ConversationType, stored?.UserAadObjectId, stored?.UserId));
    }

    private static Activity Activity(string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:megan", AadObjectId = "megan" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "ChatRequests" },
        Conversation = new ConversationAccount { Id = Chat, ConversationType = "personal", TenantId = "tenant-1" },
    };
}
