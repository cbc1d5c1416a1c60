using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Messaging;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>When storage fails under a turn, the person still gets an apology and the HTTP answer is not a bare 500.</summary>
public sealed class BrokenDependencyTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotApp.StartAsync(services: s => s.AddSingleton<IConversationStore, UnavailableConversationStore>());

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Message_WhenStorageFails_IsAnsweredWithAnApology()
    {
        using var response = await _bot.Teams.SayAsync(Persona.Megan, "my requests");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).LastOrDefault());
        Assert.Contains("something went wrong on my side", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CardAction_WhenStorageFails_ApologisesInAMessage_SoTheClickedCardStays()
    {
        var result = await _bot.Teams.ClickAsync(Persona.Alex, Persona.Alex.PersonalChatId, "approval.approve",
            new JsonObject { ["requestId"] = "REQ-000001", ["stage"] = 0 });

        Assert.Equal(HttpStatusCode.OK, result.HttpStatus);
        Assert.Contains("something went wrong on my side", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class UnavailableConversationStore : IConversationStore
    {
        public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default) => Fail();

        public Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
            Fail<ConversationReference?>();

        public Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
            Fail<ConversationReference?>();

        public Task<ConversationReference?> FindAnyInTenantAsync(string? tenantId, CancellationToken cancellationToken = default) =>
            Fail<ConversationReference?>();

        private static Task Fail() => throw new IOException("disk I/O error");

        private static Task<T> Fail<T>() => throw new IOException("disk I/O error");
    }
}
