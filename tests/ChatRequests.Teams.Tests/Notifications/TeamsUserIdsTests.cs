using ChatRequests.Core.Messaging;
using ChatRequests.Teams.Notifications;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace ChatRequests.Teams.Tests.Notifications;

public class TeamsUserIdsTests
{
    private readonly IConversationStore _conversations = Substitute.For<IConversationStore>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly TeamsUserIds _ids;

    public TeamsUserIdsTests() => _ids = new TeamsUserIds(_conversations, _clock);

    [Fact]
    public async Task FindAsync_OfSomeoneWhoWroteToTheBot_IsTheirChatsUserId_ReadOnce()
    {
        Known("aad-1", "29:one");

        var first = await _ids.FindAsync("aad-1");
        _clock.Advance(TimeSpan.FromHours(5));
        var later = await _ids.FindAsync("aad-1");

        Assert.Equal("29:one", first);
        Assert.Equal("29:one", later);
        await _conversations.Received(1).FindPersonalAsync("aad-1", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task FindAsync_OfSomeoneNotHeardFromYet_IsNull_AndAskedAgainOnlyAfterTheRecheck()
    {
        _conversations.FindPersonalAsync("aad-2", Arg.Any<CancellationToken>()).Returns(new ConversationReference
        {
            ConversationId = "a:created-by-the-bot", ServiceUrl = "https://smba.example/", UserAadObjectId = "aad-2",
        });

        var unknown = await _ids.FindAsync("aad-2");
        var soonAfter = await _ids.FindAsync("aad-2");
        Known("aad-2", "29:two");
        _clock.Advance(TeamsUserIds.RecheckAfter);
        var afterTheyWrote = await _ids.FindAsync("aad-2");

        Assert.Null(unknown);
        Assert.Null(soonAfter);
        Assert.Equal("29:two", afterTheyWrote);
        await _conversations.Received(2).FindPersonalAsync("aad-2", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task FindAllAsync_KeepsTheOrder_AndLeavesOutWhoIsNotKnown()
    {
        Known("aad-1", "29:one");
        Known("aad-3", "29:three");

        var found = await _ids.FindAllAsync(["aad-3", "aad-2", "aad-1"]);

        Assert.Equal(["29:three", "29:one"], found);
    }

    private void Known(string personId, string teamsId) =>
        _conversations.FindPersonalAsync(personId, Arg.Any<CancellationToken>()).Returns(new ConversationReference
        {
            ConversationId = $"a:chat-{personId}", ServiceUrl = "https://smba.example/", UserAadObjectId = personId, UserId = teamsId,
        });
}
