using ChatRequests.Core.Messaging;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>What every <see cref="IConversationStore"/> adapter must do, tested through the port only.</summary>
public abstract class ConversationStoreContract
{
    private IConversationStore? _store;

    protected IConversationStore Store => _store ??= CreateStore();

    /// <summary>A store over fresh, empty storage of its own.</summary>
    protected abstract IConversationStore CreateStore();

    [Fact]
    public async Task UpsertAsync_NewReference_IsFoundByIdWithEveryField()
    {
        var reference = Personal("a:alice", Alice.Id, "tenant-1", Start);

        await Store.UpsertAsync(reference);

        Assert.Equal(reference, await Store.FindAsync("a:alice"));
    }

    [Fact]
    public async Task FindAsync_UnknownConversation_ReturnsNull()
    {
        Assert.Null(await Store.FindAsync("a:nobody"));
    }

    [Fact]
    public async Task UpsertAsync_SameConversationLater_ReplacesTheServiceUrl()
    {
        await Store.UpsertAsync(Personal("a:alice", Alice.Id, "tenant-1", Start));

        await Store.UpsertAsync(Personal("a:alice", Alice.Id, "tenant-1", Start.AddHours(1)) with { ServiceUrl = "https://smba.example/emea/" });

        Assert.Equal("https://smba.example/emea/", (await Store.FindAsync("a:alice"))!.ServiceUrl);
    }

    [Fact]
    public async Task UpsertAsync_OlderThanTheStoredReference_KeepsTheNewer()
    {
        await Store.UpsertAsync(Personal("a:alice", Alice.Id, "tenant-1", Start.AddHours(1)) with { ServiceUrl = "https://smba.example/emea/" });

        await Store.UpsertAsync(Personal("a:alice", Alice.Id, "tenant-1", Start));

        Assert.Equal("https://smba.example/emea/", (await Store.FindAsync("a:alice"))!.ServiceUrl);
    }

    [Fact]
    public async Task FindPersonalAsync_ReturnsTheUsersPersonalChat_NotAChannelTheyWroteIn()
    {
        await Store.UpsertAsync(Personal("19:general@thread.tacv2", Alice.Id, "tenant-1", Start.AddHours(2)) with { ConversationType = ConversationType.Channel });
        await Store.UpsertAsync(Personal("a:alice", Alice.Id, "tenant-1", Start));
        await Store.UpsertAsync(Personal("a:bob", Bob.Id, "tenant-1", Start));

        Assert.Equal("a:alice", (await Store.FindPersonalAsync(Alice.Id))?.ConversationId);
        Assert.Null(await Store.FindPersonalAsync(Erin.Id));
    }

    [Fact]
    public async Task FindAnyInTenantAsync_ReturnsTheMostRecentlyRefreshedReferenceOfThatTenant()
    {
        await Store.UpsertAsync(Personal("a:alice", Alice.Id, "tenant-1", Start));
        await Store.UpsertAsync(Personal("a:bob", Bob.Id, "tenant-1", Start.AddHours(1)));
        await Store.UpsertAsync(Personal("a:erin", Erin.Id, "tenant-2", Start.AddHours(2)));

        Assert.Equal("a:bob", (await Store.FindAnyInTenantAsync("tenant-1"))?.ConversationId);
        Assert.Equal("a:erin", (await Store.FindAnyInTenantAsync(null))?.ConversationId);
        Assert.Null(await Store.FindAnyInTenantAsync("tenant-3"));
    }

    private static ConversationReference Personal(string conversationId, string aadObjectId, string tenantId, DateTimeOffset at) => new()
    {
        ConversationId = conversationId,
        ServiceUrl = "https://smba.example/amer/",
        TenantId = tenantId,
        ConversationType = ConversationType.Personal,
        UserAadObjectId = aadObjectId,
        UserId = "29:" + aadObjectId,
        BotId = "28:bot",
        BotName = "ChatRequests",
        UpdatedAt = at,
    };
}
